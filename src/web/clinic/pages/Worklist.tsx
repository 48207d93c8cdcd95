// Placeholder: replaced by the page's owner.
export default function Worklist() {
  return <h1>Worklist</h1>;
}

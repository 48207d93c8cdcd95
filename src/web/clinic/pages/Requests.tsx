// Placeholder: replaced by the page's owner.
export default function Requests() {
  return <h1>Requests</h1>;
}

// Placeholder: replaced by the page's owner.
export default function Patients() {
  return <h1>Patients</h1>;
}

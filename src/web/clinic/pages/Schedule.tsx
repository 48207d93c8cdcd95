// Placeholder: replaced by the page's owner.
export default function Schedule() {
  return <h1>Schedule</h1>;
}

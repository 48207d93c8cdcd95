// Placeholder: replaced by the page's owner.
export default function Admin() {
  return <h1>Admin</h1>;
}

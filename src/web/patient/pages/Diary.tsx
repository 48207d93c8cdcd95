// Placeholder: replaced by the page's owner.
export default function Diary(props: { token: string }) {
  return <h1>Diary {props.token.length}</h1>;
}

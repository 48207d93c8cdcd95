// Placeholder: replaced by the page's owner.
export default function Interpretation(props: { procedureId: string }) {
  return <h1>Interpretation {props.procedureId}</h1>;
}

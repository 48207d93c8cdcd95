// Placeholder: replaced by the page's owner.
export default function Chart(props: { patientId: string }) {
  return <h1>Chart {props.patientId}</h1>;
}

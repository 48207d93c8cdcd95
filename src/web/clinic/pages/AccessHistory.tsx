// Placeholder: replaced by the page's owner.
export default function AccessHistory(props: { patientId: string }) {
  return <h1>AccessHistory {props.patientId}</h1>;
}

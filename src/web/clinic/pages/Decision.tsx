// Placeholder: replaced by the page's owner.
export default function Decision(props: { episodeId: string }) {
  return <h1>Decision {props.episodeId}</h1>;
}

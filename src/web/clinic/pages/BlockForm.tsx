// Placeholder: replaced by the page's owner.
export default function BlockForm(props: { episodeId: string }) {
  return <h1>BlockForm {props.episodeId}</h1>;
}

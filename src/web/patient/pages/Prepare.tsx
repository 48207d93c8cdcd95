// Placeholder: replaced by the page's owner.
export default function Prepare(props: { slug: string }) {
  return <h1>Prepare {props.slug}</h1>;
}

// Placeholder: replaced by the page's owner.
export default function Screening(props: { slug: string }) {
  return <h1>Screening {props.slug}</h1>;
}

// Placeholder: replaced by the page's owner.
export default function Learn(props: { slug: string }) {
  return <h1>Learn {props.slug}</h1>;
}

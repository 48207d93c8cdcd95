// Placeholder: replaced by the page's owner.
export default function Feedback(props: { slug: string }) {
  return <h1>Feedback {props.slug}</h1>;
}

export function ReviewHome() {
  return <p>ReviewHome</p>;
}

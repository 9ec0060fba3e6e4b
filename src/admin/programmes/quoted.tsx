/**
 * A catalogue message for staff: the importer writes values between backticks (`35.7x`), which read as
 * stray symbols on a page; here they become <code> (the value, set apart, without the marks).
 */
export function Quoted({ text }: { text: string }) {
  const parts = text.split('`');
  // An odd count of marks: not a quoting pair somewhere, so show the text as it is.
  if (parts.length % 2 === 0) return <>{text}</>;
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code>{part}</code> : part))}</>;
}

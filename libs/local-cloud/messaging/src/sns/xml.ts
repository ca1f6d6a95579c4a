const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}

/** `<name>escaped text</name>` */
export function textElement(name: string, value: string): string {
  return `<${name}>${escapeXml(value)}</${name}>`;
}

/** `<name>children</name>`, children already XML. */
export function element(name: string, children: string): string {
  return `<${name}>${children}</${name}>`;
}

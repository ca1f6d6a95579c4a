/**
 * AWS Query services answer XML; asked by API Gateway (`Accept: application/json`) they answer the same tree as
 * JSON: `<PublishResponse><PublishResult><MessageId>m</MessageId>...` becomes
 * `{"PublishResponse":{"PublishResult":{"MessageId":"m"}}}`. Enough XML for the emulators' answers: elements,
 * text and entities; attributes (xmlns) are dropped, repeated siblings become lists.
 */
type XmlValue = string | XmlObject | XmlValue[];
interface XmlObject {
  [name: string]: XmlValue;
}

const TOKEN = /<\?[^>]*\?>|<(\/?)([A-Za-z_][\w:.-]*)[^>]*?(\/?)>|([^<]+)/g;

const unescapeXml = (text: string): string =>
  text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_match, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[entity];
  });

interface Frame {
  readonly name: string;
  readonly children: [string, XmlValue][];
  text: string;
}

const valueOf = (frame: Frame): XmlValue => {
  if (frame.children.length === 0) return unescapeXml(frame.text.trim() === '' ? '' : frame.text);
  const object: XmlObject = {};
  for (const [name, value] of frame.children) {
    const existing = object[name];
    if (existing === undefined) object[name] = value;
    else object[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return object;
};

export const queryXmlToJson = (xml: string): string => {
  const root: Frame = { name: '', children: [], text: '' };
  const stack: Frame[] = [root];
  for (const [token, closing, name, selfClosing, text] of xml.matchAll(TOKEN)) {
    const top = stack[stack.length - 1];
    if (text !== undefined) top.text += text;
    else if (name === undefined || token.startsWith('<?')) continue;
    else if (closing) {
      const done = stack.pop();
      if (!done || done.name !== name) throw new Error(`malformed XML: unexpected </${name}>`);
      stack[stack.length - 1].children.push([name, valueOf(done)]);
    } else if (selfClosing) top.children.push([name, '']);
    else stack.push({ name, children: [], text: '' });
  }
  if (stack.length !== 1) throw new Error('malformed XML: unclosed element');
  return JSON.stringify(valueOf(root));
};

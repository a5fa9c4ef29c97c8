/**
 * A small, typed view of an XML document for the offline manifest check: elements with their qualified name
 * ("bt:Image"), attributes, children in document order and text. Built on fast-xml-parser's ordered output, because
 * manifest checks care about element order (the Office schema is a sequence) and about repeated elements.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";

/** One XML element. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own text content, trimmed ("" when it has none). */
  readonly text: string;
}

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, unknown> };

const TEXT = "#text";
const ATTRIBUTES = ":@";

function toElement(node: OrderedNode): XmlElement | null {
  const name = Object.keys(node).find((key) => key !== ATTRIBUTES);
  if (name === undefined || name === TEXT || name.startsWith("?")) return null;
  const content = (node[name] as OrderedNode[] | undefined) ?? [];
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(node[ATTRIBUTES] ?? {})) attributes[key] = String(value);
  const children: XmlElement[] = [];
  let text = "";
  for (const child of content) {
    if (TEXT in child) text += String(child[TEXT]);
    else {
      const element = toElement(child);
      if (element !== null) children.push(element);
    }
  }
  return { name, attributes, children, text: text.trim() };
}

/** Parses a whole document and returns its root element; throws on XML that is not well-formed (a bug here). */
export function parseXml(xml: string): XmlElement {
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    throw new Error(`Not well-formed XML: ${validation.err.msg} (line ${validation.err.line})`);
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
  });
  const roots = (parser.parse(xml) as OrderedNode[]).map(toElement).filter((e): e is XmlElement => e !== null);
  const [root] = roots;
  if (root === undefined || roots.length !== 1) throw new Error(`Expected one root element, found ${roots.length}`);
  return root;
}

/** Every element below `element` (not itself), depth first in document order. */
export function descendants(element: XmlElement): XmlElement[] {
  return element.children.flatMap((child) => [child, ...descendants(child)]);
}

/** Every element below `element` with this qualified name. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return descendants(element).filter((e) => e.name === name);
}

/** The direct children of `element` with this qualified name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((e) => e.name === name);
}

/** The only direct child with this name; throws when there is none or more than one. */
export function onlyChild(element: XmlElement, name: string): XmlElement {
  const found = childrenNamed(element, name);
  if (found.length !== 1) throw new Error(`<${element.name}> has ${found.length} <${name}> children, expected 1`);
  return found[0] as XmlElement;
}

/** Walks a path of direct child names, each of which must be unique. */
export function at(element: XmlElement, ...names: string[]): XmlElement {
  return names.reduce(onlyChild, element);
}

/** Pairs of every element below `element` with its parent, for checks that depend on where an element sits. */
export function withParents(element: XmlElement): { element: XmlElement; parent: XmlElement }[] {
  return element.children.flatMap((child) => [{ element: child, parent: element }, ...withParents(child)]);
}

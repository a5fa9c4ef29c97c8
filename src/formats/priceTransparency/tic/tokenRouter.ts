/**
 * Sits between @streamparser/json's Tokenizer and TokenParser and knows where in the file each token is (a JSON
 * path), so that the reader can (1) name the place of a truncation or a syntax error, (2) see the top-level fields
 * as they come, without building them, and (3) drop the tokens of an in_network item as soon as its billing_code or
 * negotiation_arrangement says it is not wanted. Dropped tokens never reach the TokenParser, so such an item is
 * never built into objects. With a code filter most such items never reach the tokenizer either (itemSkipper.ts);
 * the router still drops those the skipper leaves: bundles and capitations in unfiltered reads, and codes written
 * as numbers or with escapes.
 */
import { TokenType, type ParsedTokenInfo } from "@streamparser/json";

/** What the router tells the reader, and asks it. */
export interface TokenRouterHooks {
  /** A top-level field's name, as soon as it is read. */
  readonly onTopKey: (key: string) => void;
  /** A top-level field whose value is a string, number, boolean or null. */
  readonly onTopValue: (key: string, value: unknown) => void;
  /**
   * An in_network item's billing_code or negotiation_arrangement, when read as a string or number; true drops the rest of the item, which then reaches the TokenParser with only the fields read so far.
   */
  readonly dropItem: (field: "billing_code" | "negotiation_arrangement", value: unknown) => boolean;
}

// The token types as module constants: read through the library's re-export (a getter in its CommonJS build) they
// cost a call per token, which measured 5% of a filtered read.
const LEFT_BRACE = TokenType.LEFT_BRACE;
const RIGHT_BRACE = TokenType.RIGHT_BRACE;
const LEFT_BRACKET = TokenType.LEFT_BRACKET;
const RIGHT_BRACKET = TokenType.RIGHT_BRACKET;
const COMMA = TokenType.COMMA;
const STRING = TokenType.STRING;
const COLON = TokenType.COLON;
const SEPARATOR = TokenType.SEPARATOR;

/** Where the in_network items sit: root object (1), in_network array (2), item object (3). */
const ITEM_DEPTH = 3;

/** Tracks the JSON path of the token stream and forwards to `next` only the tokens the reader wants built. */
export class TokenRouter {
  private depth = 0;
  /** Per depth (1-based): whether the container is an array. */
  private readonly isArray: boolean[] = [false];
  /** Per depth: the current key (object) or index (array). */
  private readonly keys: (string | number)[] = [""];
  private expectKey = false;
  private inInNetwork = false;
  private dropping = false;
  /** The byte offset of the last token, for the position of a syntax error. */
  lastOffset = 0;

  constructor(
    private readonly next: (token: ParsedTokenInfo) => void,
    private readonly hooks: TokenRouterHooks,
  ) {}

  /** The tokenizer's onToken: called once per token of the file, so kept to a few comparisons. */
  write(info: ParsedTokenInfo): void {
    this.lastOffset = info.offset;
    const token = info.token;
    if (token === STRING) {
      if (this.expectKey) {
        this.keys[this.depth] = info.value as string;
        this.expectKey = false;
        if (this.depth === 1) this.hooks.onTopKey(info.value as string);
      } else this.primitive(info);
    } else if (token === COMMA) {
      if (this.isArray[this.depth] === true) (this.keys[this.depth] as number) += 1;
      else this.expectKey = true;
    } else if (token === LEFT_BRACE || token === LEFT_BRACKET) this.open(token === LEFT_BRACKET);
    else if (token === RIGHT_BRACE || token === RIGHT_BRACKET) this.close();
    else if (token !== COLON && token !== SEPARATOR) this.primitive(info);
    if (!this.dropping) this.next(info);
  }

  private close(): void {
    this.depth -= 1;
    this.expectKey = false;
    if (this.depth === 1) this.inInNetwork = false;
    // The item's closing brace is forwarded, so the parser closes the item it holds with the fields read so far.
    if (this.dropping && this.depth === ITEM_DEPTH - 1) this.dropping = false;
  }

  private open(array: boolean): void {
    this.depth += 1;
    this.isArray[this.depth] = array;
    this.keys[this.depth] = array ? 0 : "";
    this.expectKey = !array;
    if (this.depth === ITEM_DEPTH - 1 && array && this.keys[1] === "in_network") this.inInNetwork = true;
  }

  private primitive(info: ParsedTokenInfo): void {
    if (this.depth === 1) {
      this.hooks.onTopValue(this.keys[1] as string, info.value);
      return;
    }
    if (this.depth !== ITEM_DEPTH || !this.inInNetwork || this.dropping) return;
    const key = this.keys[ITEM_DEPTH];
    if (key !== "billing_code" && key !== "negotiation_arrangement") return;
    // The deciding value itself is forwarded (write() forwards after this), so the built item still shows it.
    if (this.hooks.dropItem(key, info.value)) {
      this.next(info);
      this.dropping = true;
    }
  }

  /** The JSON path of the current token, `in_network[3].negotiated_rates[0].negotiated_prices`, to `maxDepth` levels. */
  position(maxDepth = Infinity): string {
    let path = "";
    for (let d = 1; d <= Math.min(this.depth, maxDepth); d++) {
      const key = this.keys[d];
      if (this.isArray[d] === true) path += `[${String(key)}]`;
      else if (key !== "") path += path === "" ? String(key) : `.${String(key)}`;
    }
    return path;
  }
}

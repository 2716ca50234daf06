// The base every Motorpool component extends: `base-url` and `token` for the API, a
// `locale` override, translated text, the brand's theme through CSS custom properties, and
// a polite live region for announcements.
import { LitElement, css, html } from "lit";
import { ApiClient } from "./client.js";
import { getLocale, onLocaleChange, translate } from "./i18n.js";

/**
 * The theme a brand sets on any ancestor (or :root), e.g.
 *   mp-vehicle-status { --mp-color-primary: #8a0c1d; --mp-radius: 0; }
 */
export const themeStyles = css`
  :host {
    display: block;
    font-family: var(--mp-font-family, system-ui, -apple-system, "Segoe UI", sans-serif);
    font-size: var(--mp-font-size, 1rem);
    line-height: 1.45;
    color: var(--mp-color-text, #1b1d21);
    --_primary: var(--mp-color-primary, #0b4f8a);
    --_on-primary: var(--mp-color-on-primary, #ffffff);
    --_surface: var(--mp-color-surface, #ffffff);
    --_border: var(--mp-color-border, #c4c9d0);
    --_muted: var(--mp-color-muted, #50565e);
    --_danger: var(--mp-color-danger, #a4161a);
    --_ok: var(--mp-color-ok, #1d6b32);
    --_radius: var(--mp-radius, 6px);
    --_space: var(--mp-space, 0.75rem);
  }
  :host([hidden]) {
    display: none;
  }
  .card {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  h2,
  h3 {
    margin: 0 0 calc(var(--_space) * 0.75);
    font-weight: 600;
  }
  h2 {
    font-size: 1.15rem;
  }
  h3 {
    font-size: 1rem;
  }
  label {
    display: block;
    font-weight: 500;
    margin-bottom: 0.2rem;
  }
  input,
  select,
  textarea,
  button {
    font: inherit;
  }
  input,
  select,
  textarea {
    box-sizing: border-box;
    width: 100%;
    padding: 0.45rem 0.55rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
  }
  input[type="checkbox"],
  input[type="radio"] {
    width: auto;
  }
  .field {
    margin-bottom: var(--_space);
  }
  button {
    cursor: pointer;
    padding: 0.45rem 0.9rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
  }
  button.secondary {
    background: var(--_surface);
    color: var(--_primary);
  }
  button[aria-pressed="true"] {
    outline: 3px solid var(--_primary);
    outline-offset: 1px;
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 3px solid var(--mp-color-focus, #e0a400);
    outline-offset: 2px;
  }
  .muted {
    color: var(--_muted);
  }
  .error {
    color: var(--_danger);
  }
  .ok {
    color: var(--_ok);
  }
  ul.plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.66);
    align-items: center;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }
`;

export class MpElement extends LitElement {
  static properties = {
    baseUrl: { attribute: "base-url" },
    token: {},
    locale: {},
  };

  static styles = themeStyles;

  constructor() {
    super();
    this.baseUrl = "";
    this.token = "";
    this.locale = "";
  }

  connectedCallback() {
    super.connectedCallback();
    this._unsubscribe = onLocaleChange(() => this.requestUpdate());
  }

  disconnectedCallback() {
    this._unsubscribe?.();
    super.disconnectedCallback();
  }

  /** The locale this element speaks: its own `locale` attribute, else the page's. */
  get loc() {
    return this.locale || getLocale();
  }

  t(key, params) {
    return translate(key, params, this.loc);
  }

  get api() {
    return new ApiClient({
      baseUrl: this.baseUrl,
      token: this.token,
      locale: this.loc,
      target: this,
    });
  }

  /**
   * Ask, wanting the answer only if nothing newer was asked on the same `channel` meanwhile:
   * picking a centre and then a day starts two loads, and the first reply must not
   * overwrite the second's. Resolves to `{ answer }` for the latest request and to
   * `{ stale: true }` for one overtaken (whose failure is dropped too); the latest one's
   * failure is thrown.
   */
  async latest(channel, request) {
    const tickets = (this._tickets ||= {});
    const ticket = this.supersede(channel);
    try {
      const answer = await request();
      return ticket === tickets[channel] ? { answer } : { stale: true };
    } catch (error) {
      if (ticket !== tickets[channel]) return { stale: true };
      throw error;
    }
  }

  /** Answers still on their way on `channel` are no longer wanted (see `latest`). */
  supersede(channel) {
    const tickets = (this._tickets ||= {});
    tickets[channel] = (tickets[channel] || 0) + 1;
    return tickets[channel];
  }

  /** Tell the page something happened (bubbles out of shadow roots). */
  emit(name, detail) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  errorText(error) {
    return error?.detail || error?.title || error?.message || String(error);
  }

  renderError(error) {
    return error ? html`<p class="error" role="alert">${this.errorText(error)}</p>` : "";
  }
}

// <mp-locale-switch>: a labelled choice of the page's language.
import { html } from "lit";
import { MpElement } from "./element.js";
import { LOCALES, setLocale } from "./i18n.js";

const NAMES = { en: "English", de: "Deutsch" };

export class MpLocaleSwitch extends MpElement {
  render() {
    return html`<label class="row"
      ><span>${this.t("common.language")}</span>
      <select
        style="width:auto"
        @change=${(event) => {
          setLocale(event.target.value);
          this.emit("mp-locale-changed", { locale: event.target.value });
        }}
      >
        ${LOCALES.map(
          (code) =>
            html`<option value=${code} ?selected=${code === this.loc} lang=${code}>
              ${NAMES[code] || code}
            </option>`,
        )}
      </select></label
    >`;
  }
}

if (!customElements.get("mp-locale-switch")) customElements.define("mp-locale-switch", MpLocaleSwitch);

import{b as a,f as p,g as n,k as c,q as o,r as h,t as l,x as s}from"./chunks/chunk-UYN26RCM.js";c({en:{"pricing.title":"Your price","pricing.options":"Extras","pricing.perUnit.day":"{price} a day","pricing.perUnit.month":"{price} a month","pricing.perUnit.hour":"{price} an hour","pricing.perUnit.minute":"{price} a minute","pricing.perUnit.booking":"{price} once","pricing.item":"Item","pricing.quantity":"Quantity","pricing.unitPrice":"Unit price","pricing.amount":"Amount","pricing.net":"Net","pricing.vat":"VAT {rate} %","pricing.total":"Total","pricing.deposit":"Deposit (held at hand-over, not charged)","pricing.includedKm":"{km} km included, then {price} per km (net)","pricing.validUntil":"Price valid until {when}.","pricing.book":"Book for {total}","pricing.booking":"Booking…","pricing.signInToBook":"Sign in to book.","pricing.waiting":"Choose a car to see the price.","pricing.line.days":"Rental days","pricing.line.months":"Months","pricing.line.minutes":"Minutes","pricing.line.hours":"Hours","pricing.line.weekend_days":"Weekend days","pricing.option.extra_driver":"Extra driver","pricing.option.insurance_full":"Full cover, no excess","pricing.option.child_seat":"Child seat"},de:{"pricing.title":"Ihr Preis","pricing.options":"Extras","pricing.perUnit.day":"{price} pro Tag","pricing.perUnit.month":"{price} pro Monat","pricing.perUnit.hour":"{price} pro Stunde","pricing.perUnit.minute":"{price} pro Minute","pricing.perUnit.booking":"{price} einmalig","pricing.item":"Position","pricing.quantity":"Menge","pricing.unitPrice":"Einzelpreis","pricing.amount":"Betrag","pricing.net":"Netto","pricing.vat":"MwSt. {rate} %","pricing.total":"Gesamt","pricing.deposit":"Kaution (bei Übergabe hinterlegt, nicht berechnet)","pricing.includedKm":"{km} km inklusive, danach {price} pro km (netto)","pricing.validUntil":"Preis gültig bis {when}.","pricing.book":"Für {total} buchen","pricing.booking":"Wird gebucht …","pricing.signInToBook":"Melden Sie sich an, um zu buchen.","pricing.waiting":"Wählen Sie ein Fahrzeug, um den Preis zu sehen.","pricing.line.days":"Miettage","pricing.line.months":"Monate","pricing.line.minutes":"Minuten","pricing.line.hours":"Stunden","pricing.line.weekend_days":"Wochenendtage","pricing.line.capped_hours":"Stunden zum Stundenhöchstpreis","pricing.line.long_duration_discount":"Langzeitrabatt","pricing.option.extra_driver":"Zusätzlicher Fahrer","pricing.option.insurance_full":"Vollkasko ohne Selbstbeteiligung","pricing.option.child_seat":"Kindersitz"}});var r=class extends s{constructor(){super(),this.product="",this.market="",this.startsAt="",this.endsAt="",this.canBook=!1,this.busy=!1,this.options=[],this._plan=null,this._quote=null,this._error=null,this._asked=""}updated(t){["product","market","baseUrl"].some(i=>t.has(i))&&this._loadPlan(),["product","market","startsAt","endsAt","options","token"].some(i=>t.has(i))&&this.refresh()}async _loadPlan(){if(!this.product||!this.market){this.supersede("plan");return}try{let{answer:t,stale:i}=await this.latest("plan",()=>this.api.get("/pricing/rate-plans",{product:this.product,market:this.market}));if(i)return;this._plan=t[0]||null}catch(t){this._error=t}}async refresh(){if(!this.product||!this.market||!this.startsAt||!this.endsAt){this._quote=null;return}let t={product:this.product,market:this.market,starts_at:this.startsAt,ends_at:this.endsAt,options:[...this.options]},i=JSON.stringify(t);this._asked=i;try{this._error=null;let e=await this.api.post("/pricing/quotes",t,{idempotent:!0});if(this._asked!==i)return;this._quote=e,this.emit("mp-quote-ready",{quote:e})}catch(e){if(this._asked!==i)return;this._quote=null,this._error=e}}get quote(){return this._quote}_toggle(t,i){let e=new Set(this.options);i?e.add(t):e.delete(t),this.options=[...e]}_money(t){return h(t.amount,t.currency,this.loc)}_text(t,i){let e=this.t(t);if(e!==t)return e;let d=this.loc.split("-")[0];return i.translations?.[d]||i.description}_lineName(t){return t.code.startsWith("option:")?this._text(`pricing.option.${t.code.slice(7)}`,t):this._text(`pricing.line.${t.code}`,t)}_renderOptions(){let t=this._plan?.options||[];return t.length?n`<fieldset>
      <legend>${this.t("pricing.options")}</legend>
      ${t.map(i=>n`<label
          ><input
            type="checkbox"
            value=${i.code}
            .checked=${this.options.includes(i.code)}
            @change=${e=>this._toggle(i.code,e.target.checked)}
          /><span
            >${this._text(`pricing.option.${i.code}`,i)}
            <span class="muted"
              >${this.t(`pricing.perUnit.${i.per==="unit"?this._plan.unit:"booking"}`,{price:this._money(i.price)})}</span
            ></span
          ></label
        >`)}
    </fieldset>`:""}_renderQuote(t){return n`<table data-quote=${t.id}>
        <caption class="sr-only">${this.t("pricing.title")}</caption>
        <thead>
          <tr>
            <th scope="col">${this.t("pricing.item")}</th>
            <th scope="col">${this.t("pricing.quantity")}</th>
            <th scope="col">${this.t("pricing.unitPrice")}</th>
            <th scope="col">${this.t("pricing.amount")}</th>
          </tr>
        </thead>
        <tbody>
          ${t.lines.map(i=>n`<tr data-line=${i.code}>
              <td>${this._lineName(i)}</td>
              <td>${o(Number(i.quantity),this.loc)}</td>
              <td>${this._money(i.unit_price)}</td>
              <td>${this._money(i.amount)}</td>
            </tr>`)}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colspan="3">${this.t("pricing.net")}</th>
            <td data-net>${this._money(t.net)}</td>
          </tr>
          ${t.taxes.map(i=>n`<tr>
              <th scope="row" colspan="3">
                ${this.t("pricing.vat",{rate:o(Number(i.rate),this.loc)})}
              </th>
              <td data-vat>${this._money(i.amount)}</td>
            </tr>`)}
          <tr class="total">
            <th scope="row" colspan="3">${this.t("pricing.total")}</th>
            <td data-total>${this._money(t.total)}</td>
          </tr>
        </tfoot>
      </table>
      ${Number(t.deposit.amount)>0?n`<p>${this.t("pricing.deposit")}: <strong data-deposit>${this._money(t.deposit)}</strong></p>`:""}
      ${t.included_km>0?n`<p class="muted">
            ${this.t("pricing.includedKm",{km:o(t.included_km,this.loc),price:this._money(t.extra_km_price)})}
          </p>`:""}
      <p class="muted">${this.t("pricing.validUntil",{when:l(t.expires_at,this.loc)})}</p>
      ${this.canBook?n`<button
            type="button"
            ?disabled=${this.busy}
            @click=${()=>this.emit("mp-quote-accepted",{quote:t,options:[...this.options]})}
          >
            ${this.busy?this.t("pricing.booking"):this.t("pricing.book",{total:this._money(t.total)})}
          </button>`:n`<p class="muted">${this.t("pricing.signInToBook")}</p>`}`}render(){let t=this.product&&this.market&&this.startsAt&&this.endsAt;return n`<section class="card" aria-labelledby="title">
      <h2 id="title">${this.t("pricing.title")}</h2>
      ${t?this._renderOptions():""} ${this.renderError(this._error)}
      <p class="sr-only" role="status">
        ${this._quote?`${this.t("pricing.total")}: ${this._money(this._quote.total)}`:""}
      </p>
      ${t?this._quote?this._renderQuote(this._quote):n`<p class="muted">${this.t("common.loading")}</p>`:n`<p class="muted">${this.t("pricing.waiting")}</p>`}
    </section>`}};a(r,"properties",{...s.properties,product:{},market:{},startsAt:{attribute:"starts-at"},endsAt:{attribute:"ends-at"},canBook:{attribute:"can-book",type:Boolean},busy:{type:Boolean},options:{type:Array},_plan:{state:!0},_quote:{state:!0},_error:{state:!0}}),a(r,"styles",[s.styles,p`
      fieldset {
        border: 0;
        padding: 0;
        margin: 0 0 var(--_space);
      }
      legend {
        font-weight: 500;
        padding: 0;
        margin-bottom: 0.3rem;
      }
      fieldset label {
        font-weight: normal;
        display: flex;
        gap: 0.45rem;
        align-items: baseline;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        margin-bottom: var(--_space);
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        padding: 0.3rem 0.25rem;
        text-align: right;
        border-bottom: 1px solid var(--_border);
      }
      th:first-child,
      td:first-child {
        text-align: left;
      }
      thead th {
        font-weight: 500;
        color: var(--_muted);
        font-size: 0.85rem;
      }
      tfoot th {
        font-weight: normal;
        text-align: left;
      }
      tfoot tr.total th,
      tfoot tr.total td {
        font-weight: 700;
        font-size: 1.1rem;
        border-bottom: 0;
      }
    `]);customElements.get("mp-quote")||customElements.define("mp-quote",r);export{r as MpQuote};

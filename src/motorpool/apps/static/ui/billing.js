import{b as o,f as d,g as n,k as u,r as m,s as r,x as a}from"./chunks/chunk-UYN26RCM.js";u({en:{"billing.title":"My invoices","billing.none":"No invoices yet.","billing.invoice":"Invoice {number}","billing.issued":"Issued {when}","billing.due":"due {when}","billing.total":"Total","billing.amountDue":"Due","billing.paidAt":"Paid {when}","billing.pdf":"PDF of invoice {number}","billing.pdfShort":"PDF","billing.card":"Card number","billing.testCard":"Test card: 4242 4242 4242 4242","billing.pay":"Pay {amount}","billing.paying":"Paying…","billing.paid":"Invoice {number} is paid.","billing.status.open":"Open","billing.status.paid":"Paid","billing.status.credited":"Credited","billing.status.refunded":"Refunded"},de:{"billing.title":"Meine Rechnungen","billing.none":"Noch keine Rechnungen.","billing.invoice":"Rechnung {number}","billing.issued":"Ausgestellt {when}","billing.due":"fällig {when}","billing.total":"Gesamt","billing.amountDue":"Offen","billing.paidAt":"Bezahlt {when}","billing.pdf":"PDF der Rechnung {number}","billing.pdfShort":"PDF","billing.card":"Kartennummer","billing.testCard":"Testkarte: 4242 4242 4242 4242","billing.pay":"{amount} bezahlen","billing.paying":"Wird bezahlt …","billing.paid":"Rechnung {number} ist bezahlt.","billing.status.open":"Offen","billing.status.paid":"Bezahlt","billing.status.credited":"Gutgeschrieben","billing.status.refunded":"Erstattet"}});var l=class extends a{constructor(){super(),this.limit=20,this._items=null,this._busy="",this._error=null,this._status=""}updated(t){(t.has("token")||t.has("baseUrl"))&&this.load()}async load(){if(!this.token){this.supersede("invoices"),this._items=null;return}try{let{answer:t,stale:i}=await this.latest("invoices",()=>this.api.get("/billing/invoices",{limit:this.limit}));if(i)return;this._error=null,this._items=t.items}catch(t){this._error=t}}_money(t){return m(t.amount,t.currency,this.loc)}_pdfUrl(t){return`${(this.baseUrl||"").replace(/\/+$/,"")}/billing/invoices/${t.id}.pdf?locale=${encodeURIComponent(this.loc)}`}async pdf(t){let i=await fetch(this._pdfUrl(t),{headers:{Authorization:`Bearer ${this.token}`},mode:"cors",credentials:"omit"});if(!i.ok)throw new Error(`HTTP ${i.status}`);return i.blob()}async _openPdf(t,i){t.preventDefault();try{let e=URL.createObjectURL(await this.pdf(i)),s=document.createElement("a");s.href=e,s.download=`invoice-${i.number}.pdf`,s.click(),setTimeout(()=>URL.revokeObjectURL(e),6e4)}catch(e){this._error=e}}async _pay(t,i){t.preventDefault();let e=String(new FormData(t.target).get("card")||"").trim();this._busy=i.id,this._error=null,this._status="";try{let s=await this.api.post(`/billing/invoices/${i.id}/payments`,{kind:"card",card_number:e},{idempotent:!0});this._status=this.t("billing.paid",{number:i.number}),this.emit("mp-invoice-paid",{invoice:i,payment:s}),await this.load()}catch(s){this._error=s}finally{this._busy=""}}_invoice(t){let i=`card-${t.id}`;return n`<article data-invoice=${t.number} data-status=${t.status}>
      <div class="row" style="justify-content:space-between">
        <h3>${this.t("billing.invoice",{number:t.number})}</h3>
        <span>${this.t(`billing.status.${t.status}`)}</span>
      </div>
      <p class="muted" style="margin:0.2rem 0">
        ${this.t("billing.issued",{when:r(t.issued_at,this.loc)})}
        ${t.status==="open"?n`· ${this.t("billing.due",{when:r(t.due_at,this.loc)})}`:""}
        ${t.paid_at?n`· ${this.t("billing.paidAt",{when:r(t.paid_at,this.loc)})}`:""}
      </p>
      <dl>
        <dt>${this.t("billing.total")}</dt>
        <dd data-total>${this._money(t.total)}</dd>
        ${t.status==="open"?n`<dt>${this.t("billing.amountDue")}</dt>
              <dd data-due>${this._money(t.amount_due)}</dd>`:""}
      </dl>
      <a
        href=${this._pdfUrl(t)}
        aria-label=${this.t("billing.pdf",{number:t.number})}
        @click=${e=>this._openPdf(e,t)}
        >${this.t("billing.pdfShort")}</a
      >
      ${t.status==="open"&&Number(t.amount_due.amount)>0?n`<form @submit=${e=>this._pay(e,t)}>
            <div class="field">
              <label for=${i}>${this.t("billing.card")}</label>
              <input
                id=${i}
                name="card"
                inputmode="numeric"
                autocomplete="cc-number"
                required
                maxlength="30"
                aria-describedby=${`${i}-hint`}
              />
              <span id=${`${i}-hint`} class="muted" style="font-size:0.85rem"
                >${this.t("billing.testCard")}</span
              >
            </div>
            <button type="submit" ?disabled=${this._busy===t.id}>
              ${this._busy===t.id?this.t("billing.paying"):this.t("billing.pay",{amount:this._money(t.amount_due)})}
            </button>
          </form>`:""}
    </article>`}render(){let t=this._items;return n`<section class="card" aria-labelledby="title">
      <h2 id="title">${this.t("billing.title")}</h2>
      ${this.renderError(this._error)}
      <p role="status" class="ok">${this._status}</p>
      ${this.token?t===null?n`<p class="muted">${this.t("common.loading")}</p>`:t.length===0?n`<p>${this.t("billing.none")}</p>`:t.map(i=>this._invoice(i)):n`<p class="muted">${this.t("common.signInFirst")}</p>`}
    </section>`}};o(l,"properties",{...a.properties,limit:{type:Number},_items:{state:!0},_busy:{state:!0},_error:{state:!0},_status:{state:!0}}),o(l,"styles",[a.styles,d`
      article {
        border-bottom: 1px solid var(--_border);
        padding: 0.5rem 0;
      }
      article:last-child {
        border-bottom: 0;
      }
      h3 {
        margin: 0;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.1rem 0.75rem;
        margin: 0.3rem 0;
        font-variant-numeric: tabular-nums;
      }
      dt {
        color: var(--_muted);
      }
      dd {
        margin: 0;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
        margin-top: 0.4rem;
      }
      form .field {
        margin: 0;
        flex: 1 1 12rem;
      }
      a {
        color: var(--_primary);
      }
    `]);customElements.get("mp-invoice-list")||customElements.define("mp-invoice-list",l);export{l as MpInvoiceList};

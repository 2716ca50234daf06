import{d as v,e as b,f,g as $}from"./chunks/chunk-SXSBRJ42.js";import{b as l,f as m,g as a,k as u,q as d,r as g,t as p,u as y,x as h}from"./chunks/chunk-UYN26RCM.js";u({en:{"contracts.today.title":"Hand-overs and returns","contracts.today.day":"Day","contracts.today.handovers":"Hand-overs","contracts.today.returns":"Returns","contracts.today.noHandovers":"No hand-overs that day.","contracts.today.noReturns":"No returns that day.","contracts.today.needCentre":"Choose a centre first.","contracts.today.refresh":"Refresh","contracts.agreement":"Agreement {reference}","contracts.pickup":"Pick-up {when}","contracts.dropoff":"Return {when}","contracts.mileage":"Mileage (km)","contracts.energy":"Charge or fuel (%)","contracts.damage":"Damage notes","contracts.handOver":"Hand over {reference}","contracts.handOverShort":"Hand over","contracts.takeBack":"Take back {reference}","contracts.takeBackShort":"Take back","contracts.handedOver":"Handed over {when}: {km} km, {percent} %.","contracts.returned":"Returned {when}: {km} km, {percent} %.","contracts.settled":"{reference}: {km} km driven; invoice {number} for {total}.","contracts.handedOverNow":"{reference} is handed over.","contracts.notYet":"Not handed over yet.","contracts.status.open":"Waiting","contracts.status.handed_over":"Out","contracts.status.returned":"Returned"},de:{"contracts.today.title":"Übergaben und Rücknahmen","contracts.today.day":"Tag","contracts.today.handovers":"Übergaben","contracts.today.returns":"Rücknahmen","contracts.today.noHandovers":"An diesem Tag keine Übergaben.","contracts.today.noReturns":"An diesem Tag keine Rücknahmen.","contracts.today.needCentre":"Wählen Sie zuerst ein Zentrum.","contracts.today.refresh":"Aktualisieren","contracts.agreement":"Vertrag {reference}","contracts.pickup":"Abholung {when}","contracts.dropoff":"Rückgabe {when}","contracts.mileage":"Kilometerstand (km)","contracts.energy":"Ladestand oder Tank (%)","contracts.damage":"Schäden","contracts.handOver":"{reference} übergeben","contracts.handOverShort":"Übergeben","contracts.takeBack":"{reference} zurücknehmen","contracts.takeBackShort":"Zurücknehmen","contracts.handedOver":"Übergeben {when}: {km} km, {percent} %.","contracts.returned":"Zurückgenommen {when}: {km} km, {percent} %.","contracts.settled":"{reference}: {km} km gefahren; Rechnung {number} über {total}.","contracts.handedOverNow":"{reference} ist übergeben.","contracts.notYet":"Noch nicht übergeben.","contracts.status.open":"Wartet","contracts.status.handed_over":"Unterwegs","contracts.status.returned":"Zurück"}});var _=s=>String(s).padStart(2,"0");function k(){let s=new Date;return`${s.getFullYear()}-${_(s.getMonth()+1)}-${_(s.getDate())}`}var o=class extends h{constructor(){super(),this.centreId="",this.day=k(),this._sheet=null,this._busy="",this._error=null,this._status=""}updated(t){["centreId","day","token","baseUrl"].some(e=>t.has(e))&&this.load()}async load(){if(!this.centreId||!this.token){this.supersede("sheet"),this._sheet=null;return}try{let{answer:t,stale:e}=await this.latest("sheet",()=>v(this.api,{centreId:this.centreId,day:this.day}));if(e)return;this._error=null,this._sheet=t}catch(t){this._error=t}}_readings(t){let e=new FormData(t);return{mileageKm:Number(e.get("mileage")),energyPercent:Number(e.get("energy")),damageNotes:String(e.get("damage")||"").trim()}}async _handOver(t,e){t.preventDefault(),this._busy=e.id,this._error=null;try{let r=await b(this.api,e.id,this._readings(t.target));this._status=this.t("contracts.handedOverNow",{reference:r.booking_reference}),this.emit("mp-handed-over",{agreement:r}),await this.load()}catch(r){this._error=r}finally{this._busy=""}}async _takeBack(t,e){t.preventDefault(),this._busy=e.id,this._error=null;try{let r=await f(this.api,e.id,this._readings(t.target));this._status=this.t("contracts.settled",{reference:e.booking_reference,km:d(r.driven_km,this.loc),number:r.invoice_number,total:g(r.invoice_total.amount,r.invoice_total.currency,this.loc)}),this.emit("mp-returned",{settlement:r}),await this.load()}catch(r){this._error=r}finally{this._busy=""}}_inspection(t,e,r){return this.t(t,{when:p(e.at,this.loc,{timeZone:r}),km:d(e.mileage_km,this.loc),percent:d(e.energy_percent,this.loc)})}_form(t,e){let r=i=>`${i}-${e}-${t.id}`,n=e==="handover",c=n?null:t.handover;return a`<form
      @submit=${i=>n?this._handOver(i,t):this._takeBack(i,t)}
      aria-label=${this.t(n?"contracts.handOver":"contracts.takeBack",{reference:t.booking_reference})}
    >
      <div class="inputs">
        <div class="field">
          <label for=${r("mileage")}>${this.t("contracts.mileage")}</label>
          <input
            id=${r("mileage")}
            name="mileage"
            type="number"
            inputmode="numeric"
            min=${c?c.mileage_km:0}
            max="5000000"
            required
          />
        </div>
        <div class="field">
          <label for=${r("energy")}>${this.t("contracts.energy")}</label>
          <input id=${r("energy")} name="energy" type="number" min="0" max="100" required />
        </div>
      </div>
      <div class="field">
        <label for=${r("damage")}>${this.t("contracts.damage")}</label>
        <textarea id=${r("damage")} name="damage" maxlength="2000"></textarea>
      </div>
      <button type="submit" ?disabled=${this._busy===t.id}>
        ${this.t(n?"contracts.handOverShort":"contracts.takeBackShort")}
      </button>
    </form>`}_agreement(t,e,r){let n=c=>y(c,this.loc,{timeZone:r});return a`<article data-agreement=${t.booking_reference} data-kind=${e} data-status=${t.status}>
      <h4>${this.t("contracts.agreement",{reference:t.booking_reference})}</h4>
      <p class="muted" style="margin:0 0 0.4rem">
        ${e==="handover"?this.t("contracts.pickup",{when:n(t.starts_at)}):this.t("contracts.dropoff",{when:n(t.ends_at)})}
        · ${this.t(`contracts.status.${t.status}`)}
      </p>
      ${t.handover?a`<p class="ok">${this._inspection("contracts.handedOver",t.handover,r)}</p>`:""}
      ${t.returned?a`<p class="ok">${this._inspection("contracts.returned",t.returned,r)}</p>`:""}
      ${e==="handover"&&t.status==="open"?this._form(t,"handover"):""}
      ${e==="return"&&t.status==="handed_over"?this._form(t,"return"):""}
      ${e==="return"&&t.status==="open"?a`<p class="muted">${this.t("contracts.notYet")}</p>`:""}
    </article>`}render(){let t=this._sheet;return a`<section class="card" aria-labelledby="title">
      <div class="toolbar">
        <h2 id="title">${this.t("contracts.today.title")}</h2>
        <div class="row">
          <div class="field">
            <label for="day">${this.t("contracts.today.day")}</label>
            <input
              id="day"
              type="date"
              .value=${this.day}
              @change=${e=>this.day=e.target.value||k()}
            />
          </div>
          <button type="button" class="secondary" style="align-self:end" @click=${()=>this.load()}>
            ${this.t("contracts.today.refresh")}
          </button>
        </div>
      </div>
      ${this.renderError(this._error)}
      <p role="status" class="ok">${this._status}</p>
      ${this.centreId?this.token?t?a`<div class="columns">
                <section aria-labelledby="handovers">
                  <h3 id="handovers">${this.t("contracts.today.handovers")} (${t.handovers.length})</h3>
                  ${t.handovers.length?t.handovers.map(e=>this._agreement(e,"handover",t.time_zone)):a`<p class="muted">${this.t("contracts.today.noHandovers")}</p>`}
                </section>
                <section aria-labelledby="returns">
                  <h3 id="returns">${this.t("contracts.today.returns")} (${t.returns.length})</h3>
                  ${t.returns.length?t.returns.map(e=>this._agreement(e,"return",t.time_zone)):a`<p class="muted">${this.t("contracts.today.noReturns")}</p>`}
                </section>
              </div>`:a`<p class="muted">${this.t("common.loading")}</p>`:a`<p class="muted">${this.t("common.signInFirst")}</p>`:a`<p class="muted">${this.t("contracts.today.needCentre")}</p>`}
    </section>`}};l(o,"properties",{...h.properties,centreId:{attribute:"centre-id"},day:{},_sheet:{state:!0},_busy:{state:!0},_error:{state:!0},_status:{state:!0}}),l(o,"styles",[h.styles,m`
      .columns {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
        gap: var(--_space);
      }
      article {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 0.75);
        margin-bottom: calc(var(--_space) * 0.75);
      }
      article h4 {
        margin: 0 0 0.3rem;
        font-size: 1rem;
      }
      .inputs {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0 calc(var(--_space) * 0.66);
      }
      .field {
        margin-bottom: calc(var(--_space) * 0.6);
      }
      textarea {
        min-height: 2.4rem;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        align-items: end;
        justify-content: space-between;
        margin-bottom: var(--_space);
      }
      .toolbar .field {
        margin: 0;
      }
    `]);customElements.get("mp-handover")||customElements.define("mp-handover",o);export{o as MpHandover,$ as contractsApi};

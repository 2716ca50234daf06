import{b as c,f as g,g as i,i as y,o as w,r as f,v as a}from"./chunks/chunk-BJ5O7WGI.js";y({en:{"booking.product.label":"What would you like?","booking.product.rental":"Rental","booking.product.subscription":"Subscription","booking.product.carsharing":"Car sharing","booking.product.testdrive":"Test drive","booking.product.flex":"Flex","booking.product.courtesy":"Courtesy car","booking.product.servicing":"Workshop","booking.search.title":"Find a car","booking.search.from":"From","booking.search.until":"Until","booking.search.clock":"Times on the centre's clock ({zone}).","booking.search.submit":"Search","booking.search.searching":"Searching…","booking.search.results":"Free cars","booking.search.found":"{count} free","booking.search.none":"No car is free then. Try other times or another centre.","booking.search.needCentre":"Choose a centre first.","booking.search.booked":"Booked. Your reference: {reference}.","booking.search.booking":"Booking…","booking.list.title":"My bookings","booking.list.none":"No bookings yet.","booking.list.cancel":"Cancel booking {reference}","booking.list.cancelled":"Booking {reference} is cancelled.","booking.list.fee":"Cancellation fee: {percent} %","booking.status.held":"Held","booking.status.confirmed":"Confirmed","booking.status.started":"Under way","booking.status.completed":"Completed","booking.status.cancelled":"Cancelled","booking.status.expired":"Expired","booking.status.no_show":"No-show"},de:{"booking.product.label":"Was möchten Sie?","booking.product.rental":"Miete","booking.product.subscription":"Abo","booking.product.carsharing":"Carsharing","booking.product.testdrive":"Probefahrt","booking.product.flex":"Flex","booking.product.courtesy":"Ersatzwagen","booking.product.servicing":"Werkstatt","booking.search.title":"Fahrzeug finden","booking.search.from":"Von","booking.search.until":"Bis","booking.search.clock":"Zeiten nach der Uhr des Zentrums ({zone}).","booking.search.submit":"Suchen","booking.search.searching":"Suche läuft …","booking.search.results":"Freie Fahrzeuge","booking.search.found":"{count} frei","booking.search.none":"Zu dieser Zeit ist kein Fahrzeug frei. Versuchen Sie andere Zeiten oder ein anderes Zentrum.","booking.search.needCentre":"Wählen Sie zuerst ein Zentrum.","booking.search.booked":"Gebucht. Ihre Buchungsnummer: {reference}.","booking.search.booking":"Wird gebucht …","booking.list.title":"Meine Buchungen","booking.list.none":"Noch keine Buchungen.","booking.list.cancel":"Buchung {reference} stornieren","booking.list.cancelled":"Buchung {reference} ist storniert.","booking.list.fee":"Stornogebühr: {percent} %","booking.status.held":"Reserviert","booking.status.confirmed":"Bestätigt","booking.status.started":"Unterwegs","booking.status.completed":"Abgeschlossen","booking.status.cancelled":"Storniert","booking.status.expired":"Abgelaufen","booking.status.no_show":"Nicht erschienen"}});var v=["held","confirmed"],l=class extends a{constructor(){super(),this.product="",this.limit=20,this._items=null,this._error=null,this._status=""}updated(e){["token","baseUrl","product"].some(t=>e.has(t))&&this.load()}async load(){if(!this.token){this.supersede("bookings"),this._items=null;return}try{let{answer:e,stale:t}=await this.latest("bookings",()=>this.api.get("/booking/bookings",{product:this.product,limit:this.limit,sort:"-created_at"}));if(t)return;this._error=null,this._items=e.items}catch(e){this._error=e}}async _cancel(e){try{this._error=null;let t=await this.api.post(`/booking/bookings/${e.id}/cancel`);this._status=this.t("booking.list.cancelled",{reference:t.reference}),this.emit("mp-booking-cancelled",{booking:t}),await this.load()}catch(t){this._error=t}}_when(e){let t={timeZone:e.time_zone};return`${f(e.starts_at,this.loc,t)} – ${f(e.ends_at,this.loc,t)}`}render(){let e=this._items;return i`<section class="card" aria-labelledby="title">
      <h2 id="title">${this.t("booking.list.title")}</h2>
      ${this.renderError(this._error)}
      <p role="status" class="ok">${this._status}</p>
      ${this.token?e===null?i`<p class="muted">${this.t("common.loading")}</p>`:e.length===0?i`<p>${this.t("booking.list.none")}</p>`:i`<ul class="plain">
                ${e.map(t=>i`<li data-booking=${t.reference}>
                    <div class="row" style="justify-content:space-between">
                      <strong>${this.t(`booking.product.${t.product}`)} · ${t.reference}</strong>
                      <span class="status" data-status=${t.status}
                        >${this.t(`booking.status.${t.status}`)}</span
                      >
                    </div>
                    <div class="muted">${this._when(t)}</div>
                    ${t.cancellation_fee_percent&&Number(t.cancellation_fee_percent)>0?i`<div class="muted">
                          ${this.t("booking.list.fee",{percent:t.cancellation_fee_percent})}
                        </div>`:""}
                    ${v.includes(t.status)?i`<button
                          type="button"
                          class="secondary"
                          aria-label=${this.t("booking.list.cancel",{reference:t.reference})}
                          @click=${()=>this._cancel(t)}
                        >
                          ${this.t("common.cancel")}
                        </button>`:""}
                  </li>`)}
              </ul>`:i`<p class="muted">${this.t("common.signInFirst")}</p>`}
    </section>`}};c(l,"properties",{...a.properties,product:{},limit:{type:Number},_items:{state:!0},_error:{state:!0},_status:{state:!0}}),c(l,"styles",[a.styles,g`
      li {
        padding: 0.5rem 0;
        border-bottom: 1px solid var(--_border);
      }
      li:last-child {
        border-bottom: 0;
      }
      .status {
        font-size: 0.85rem;
        padding: 0.05rem 0.45rem;
        border-radius: 999px;
        border: 1px solid currentColor;
      }
    `]);customElements.get("mp-booking-list")||customElements.define("mp-booking-list",l);var h=s=>String(s).padStart(2,"0");function k(s,e){let t=new Intl.DateTimeFormat("en-US",{timeZone:e,hourCycle:"h23",year:"numeric",month:"2-digit",day:"2-digit",hour:"2-digit",minute:"2-digit",second:"2-digit"}).formatToParts(new Date(s)),o=n=>Number(t.find(d=>d.type===n).value);return Date.UTC(o("year"),o("month")-1,o("day"),o("hour"),o("minute"),o("second"))-Math.floor(s/1e3)*1e3}function p(s,e){let t=/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(s||"");if(!t)return"";let[o,r,n,d,$]=t.slice(1).map(Number);if(!e)return new Date(o,r-1,n,d,$).toISOString();let b=Date.UTC(o,r-1,n,d,$),m=b-k(b,e);return m=b-k(m,e),new Date(m).toISOString()}function _(s,e){let t=new Date(s).getTime(),o=new Date(t+(e?k(t,e):-new Date(t).getTimezoneOffset()*6e4));return`${o.getUTCFullYear()}-${h(o.getUTCMonth()+1)}-${h(o.getUTCDate())}T${h(o.getUTCHours())}:${h(o.getUTCMinutes())}`}function T(s){let e=new Date;for(e.setDate(e.getDate()+s);e.getDay()===0||e.getDay()===6;)e.setDate(e.getDate()+1);return`${e.getFullYear()}-${h(e.getMonth()+1)}-${h(e.getDate())}`}function D(s,e){let t=new Date(`${s}T12:00:00Z`);for(t.setUTCDate(t.getUTCDate()+e);t.getUTCDay()===0||t.getUTCDay()===6;)t.setUTCDate(t.getUTCDate()+1);return t.toISOString().slice(0,10)}function U(s,e){let t=new Date(`${s}T12:00:00Z`),o=t.getUTCDate();for(t.setUTCMonth(t.getUTCMonth()+e),t.getUTCDate()!==o&&t.setUTCDate(0);t.getUTCDay()===0||t.getUTCDay()===6;)t.setUTCDate(t.getUTCDate()-1);return t.toISOString().slice(0,10)}function C(s,e){if(s==="carsharing"){let o=Math.ceil((Date.now()+3e5)/9e5)*9e5;return[_(o,e),_(o+2*36e5,e)]}let t=T(1);if(s==="testdrive")return[`${t}T10:00`,`${t}T11:00`];if(s==="subscription"){let o=T(3);return[`${o}T10:00`,`${U(o,6)}T10:00`]}return[`${t}T10:00`,`${D(t,2)}T10:00`]}var u=class extends a{constructor(){super(),this.centreId="",this.timeZone="",this.product="rental",this.pool="",this.products="",this.from="",this.until="",this._free=null,this._chosen=null,this._busy=!1,this._error=null,this._status=""}willUpdate(e){e.has("product")&&(!this.from||e.get("product")!==void 0)&&([this.from,this.until]=C(this.product,this.timeZone)),["product","centreId","pool"].some(t=>e.has(t)&&e.get(t)!==void 0)&&this._clear()}get window(){return{startsAt:p(this.from,this.timeZone),endsAt:p(this.until,this.timeZone)}}_clear(){this._free=null,this._status="",this._chosen&&(this._chosen=null,this.emit("mp-vehicle-chosen",{resource:null}))}async search(e){if(e?.preventDefault(),!this.centreId)return;this._clear(),this._busy=!0,this._error=null;let{startsAt:t,endsAt:o}=this.window;try{let r=await this.api.get("/booking/availability",{product:this.product,pool:this.pool||this.product,centre_id:this.centreId,starts_at:t,ends_at:o});this._free=r.resources}catch(r){this._error=r}finally{this._busy=!1}}_choose(e){this._chosen=e,this._status="";let{startsAt:t,endsAt:o}=this.window;this.emit("mp-vehicle-chosen",{resource:e,product:this.product,centreId:this.centreId,startsAt:t,endsAt:o})}_pickProduct(e){this.product=e,this.emit("mp-product-changed",{product:e})}async book({note:e}={}){if(!this._chosen)throw new Error("no car chosen");this._busy=!0,this._error=null;let{startsAt:t,endsAt:o}=this.window;try{let r=await this.api.post("/booking/holds",{product:this.product,resource_id:this._chosen.id,starts_at:t,ends_at:o,...e?{note:e}:{}},{idempotent:!0}),n=await this.api.post(`/booking/bookings/${r.id}/confirm`);return this.announce(n.reference),this.emit("mp-booked",{booking:n}),n}catch(r){throw this._error=r,r}finally{this._busy=!1}}announce(e){this._error=null,this._status=this.t("booking.search.booked",{reference:e})}async show(e){try{let t=await this.api.get(`/booking/bookings/${e}`);this.announce(t.reference),this.emit("mp-booked",{booking:t})}catch(t){this._error=t}}fail(e){this._error=e}_renderProducts(){let e=(this.products||"").split(/\s+/).filter(Boolean);return e.length<2?"":i`<fieldset class="choices">
      <legend>${this.t("booking.product.label")}</legend>
      ${e.map(t=>i`<label
          ><input
            type="radio"
            name="product"
            value=${t}
            .checked=${t===this.product}
            @change=${()=>this._pickProduct(t)}
          />${this.t(`booking.product.${t}`)}</label
        >`)}
    </fieldset>`}_renderFree(){let e=this._free;return e===null?"":e.length?i`<fieldset>
      <legend>
        ${this.t("booking.search.results")}
        <span class="muted"
          >(${this.t("booking.search.found",{count:w(e.length,this.loc)})})</span
        >
      </legend>
      <ul class="plain cars">
        ${e.map(t=>i`<li>
            <label data-resource=${t.id}
              ><input
                type="radio"
                name="car"
                value=${t.id}
                .checked=${t.id===this._chosen?.id}
                @change=${()=>this._choose(t)}
              /><span
                ><strong>${t.model||t.label}</strong>
                <span class="muted">${[t.label,t.powertrain].filter(Boolean).join(" · ")}</span></span
              ></label
            >
          </li>`)}
      </ul>
    </fieldset>`:i`<p role="status">${this.t("booking.search.none")}</p>`}render(){return i`<section class="card" aria-labelledby="title" aria-busy=${this._busy?"true":"false"}>
      <h2 id="title">${this.t("booking.search.title")}</h2>
      ${this._renderProducts()}
      ${this.centreId?i`<form @submit=${this.search}>
            <div class="window">
              <div class="field">
                <label for="from">${this.t("booking.search.from")}</label>
                <input
                  id="from"
                  type="datetime-local"
                  required
                  .value=${this.from}
                  @change=${e=>{this.from=e.target.value,this._clear()}}
                />
              </div>
              <div class="field">
                <label for="until">${this.t("booking.search.until")}</label>
                <input
                  id="until"
                  type="datetime-local"
                  required
                  .value=${this.until}
                  @change=${e=>{this.until=e.target.value,this._clear()}}
                />
              </div>
            </div>
            ${this.timeZone?i`<p class="muted">${this.t("booking.search.clock",{zone:this.timeZone})}</p>`:""}
            <button type="submit" ?disabled=${this._busy} style="margin-bottom:var(--_space)">
              ${this._busy?this.t("booking.search.searching"):this.t("booking.search.submit")}
            </button>
          </form>`:i`<p class="muted">${this.t("booking.search.needCentre")}</p>`}
      ${this.renderError(this._error)} ${this._renderFree()}
      <p role="status" class="ok" data-booked>${this._status}</p>
    </section>`}};c(u,"properties",{...a.properties,centreId:{attribute:"centre-id"},timeZone:{attribute:"time-zone"},product:{},pool:{},products:{},from:{},until:{},_free:{state:!0},_chosen:{state:!0},_busy:{state:!0},_error:{state:!0},_status:{state:!0}}),c(u,"styles",[a.styles,g`
      fieldset {
        border: 0;
        padding: 0;
        margin: 0 0 var(--_space);
      }
      legend {
        font-weight: 500;
        margin-bottom: 0.3rem;
        padding: 0;
      }
      .choices label {
        font-weight: normal;
        display: inline-flex;
        gap: 0.35rem;
        align-items: center;
        margin-right: 0.9rem;
      }
      .window {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
        gap: 0 var(--_space);
      }
      ul.cars label {
        font-weight: normal;
        display: flex;
        gap: 0.5rem;
        align-items: baseline;
        padding: 0.35rem 0;
        border-bottom: 1px solid var(--_border);
      }
    `]);customElements.get("mp-vehicle-search")||customElements.define("mp-vehicle-search",u);export{l as MpBookingList,u as MpVehicleSearch,_ as instantToLocal,p as localToInstant};

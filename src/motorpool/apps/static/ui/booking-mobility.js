import{A as d,b as a,f as h,g as s,k as b,q as m,t as p,x as n,z as u}from"./chunks/chunk-UYN26RCM.js";b({en:{"booking.product.label":"What would you like?","booking.product.rental":"Rental","booking.product.subscription":"Subscription","booking.product.carsharing":"Car sharing","booking.product.testdrive":"Test drive","booking.product.flex":"Flex","booking.product.courtesy":"Courtesy car","booking.product.servicing":"Workshop","booking.search.title":"Find a car","booking.search.from":"From","booking.search.until":"Until","booking.search.clock":"Times on the centre's clock ({zone}).","booking.search.submit":"Search","booking.search.searching":"Searching…","booking.search.results":"Free cars","booking.search.found":"{count} free","booking.search.none":"No car is free then. Try other times or another centre.","booking.search.needCentre":"Choose a centre first.","booking.search.booked":"Booked. Your reference: {reference}.","booking.search.booking":"Booking…","booking.list.title":"My bookings","booking.list.none":"No bookings yet.","booking.list.cancel":"Cancel booking {reference}","booking.list.cancelled":"Booking {reference} is cancelled.","booking.list.fee":"Cancellation fee: {percent} %","booking.status.held":"Held","booking.status.confirmed":"Confirmed","booking.status.started":"Under way","booking.status.completed":"Completed","booking.status.cancelled":"Cancelled","booking.status.expired":"Expired","booking.status.no_show":"No-show"},de:{"booking.product.label":"Was möchten Sie?","booking.product.rental":"Miete","booking.product.subscription":"Abo","booking.product.carsharing":"Carsharing","booking.product.testdrive":"Probefahrt","booking.product.flex":"Flex","booking.product.courtesy":"Ersatzwagen","booking.product.servicing":"Werkstatt","booking.search.title":"Fahrzeug finden","booking.search.from":"Von","booking.search.until":"Bis","booking.search.clock":"Zeiten nach der Uhr des Zentrums ({zone}).","booking.search.submit":"Suchen","booking.search.searching":"Suche läuft …","booking.search.results":"Freie Fahrzeuge","booking.search.found":"{count} frei","booking.search.none":"Zu dieser Zeit ist kein Fahrzeug frei. Versuchen Sie andere Zeiten oder ein anderes Zentrum.","booking.search.needCentre":"Wählen Sie zuerst ein Zentrum.","booking.search.booked":"Gebucht. Ihre Buchungsnummer: {reference}.","booking.search.booking":"Wird gebucht …","booking.list.title":"Meine Buchungen","booking.list.none":"Noch keine Buchungen.","booking.list.cancel":"Buchung {reference} stornieren","booking.list.cancelled":"Buchung {reference} ist storniert.","booking.list.fee":"Stornogebühr: {percent} %","booking.status.held":"Reserviert","booking.status.confirmed":"Bestätigt","booking.status.started":"Unterwegs","booking.status.completed":"Abgeschlossen","booking.status.cancelled":"Storniert","booking.status.expired":"Abgelaufen","booking.status.no_show":"Nicht erschienen"}});var $=["held","confirmed"],c=class extends n{constructor(){super(),this.product="",this.limit=20,this._items=null,this._error=null,this._status=""}updated(e){["token","baseUrl","product"].some(t=>e.has(t))&&this.load()}async load(){if(!this.token){this.supersede("bookings"),this._items=null;return}try{let{answer:e,stale:t}=await this.latest("bookings",()=>this.api.get("/booking/bookings",{product:this.product,limit:this.limit,sort:"-created_at"}));if(t)return;this._error=null,this._items=e.items}catch(e){this._error=e}}async _cancel(e){try{this._error=null;let t=await this.api.post(`/booking/bookings/${e.id}/cancel`);this._status=this.t("booking.list.cancelled",{reference:t.reference}),this.emit("mp-booking-cancelled",{booking:t}),await this.load()}catch(t){this._error=t}}_when(e){let t={timeZone:e.time_zone};return`${p(e.starts_at,this.loc,t)} – ${p(e.ends_at,this.loc,t)}`}render(){let e=this._items;return s`<section class="card" aria-labelledby="title">
      <h2 id="title">${this.t("booking.list.title")}</h2>
      ${this.renderError(this._error)}
      <p role="status" class="ok">${this._status}</p>
      ${this.token?e===null?s`<p class="muted">${this.t("common.loading")}</p>`:e.length===0?s`<p>${this.t("booking.list.none")}</p>`:s`<ul class="plain">
                ${e.map(t=>s`<li data-booking=${t.reference}>
                    <div class="row" style="justify-content:space-between">
                      <strong>${this.t(`booking.product.${t.product}`)} · ${t.reference}</strong>
                      <span class="status" data-status=${t.status}
                        >${this.t(`booking.status.${t.status}`)}</span
                      >
                    </div>
                    <div class="muted">${this._when(t)}</div>
                    ${t.cancellation_fee_percent&&Number(t.cancellation_fee_percent)>0?s`<div class="muted">
                          ${this.t("booking.list.fee",{percent:t.cancellation_fee_percent})}
                        </div>`:""}
                    ${$.includes(t.status)?s`<button
                          type="button"
                          class="secondary"
                          aria-label=${this.t("booking.list.cancel",{reference:t.reference})}
                          @click=${()=>this._cancel(t)}
                        >
                          ${this.t("common.cancel")}
                        </button>`:""}
                  </li>`)}
              </ul>`:s`<p class="muted">${this.t("common.signInFirst")}</p>`}
    </section>`}};a(c,"properties",{...n.properties,product:{},limit:{type:Number},_items:{state:!0},_error:{state:!0},_status:{state:!0}}),a(c,"styles",[n.styles,h`
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
    `]);customElements.get("mp-booking-list")||customElements.define("mp-booking-list",c);var k=o=>String(o).padStart(2,"0");function f(o){let e=new Date;for(e.setDate(e.getDate()+o);e.getDay()===0||e.getDay()===6;)e.setDate(e.getDate()+1);return`${e.getFullYear()}-${k(e.getMonth()+1)}-${k(e.getDate())}`}function y(o,e){let t=new Date(`${o}T12:00:00Z`);for(t.setUTCDate(t.getUTCDate()+e);t.getUTCDay()===0||t.getUTCDay()===6;)t.setUTCDate(t.getUTCDate()+1);return t.toISOString().slice(0,10)}function w(o,e){let t=new Date(`${o}T12:00:00Z`),i=t.getUTCDate();for(t.setUTCMonth(t.getUTCMonth()+e),t.getUTCDate()!==i&&t.setUTCDate(0);t.getUTCDay()===0||t.getUTCDay()===6;)t.setUTCDate(t.getUTCDate()-1);return t.toISOString().slice(0,10)}function _(o,e){if(o==="carsharing"){let i=Math.ceil((Date.now()+3e5)/9e5)*9e5;return[d(i,e),d(i+2*36e5,e)]}let t=f(1);if(o==="testdrive")return[`${t}T10:00`,`${t}T11:00`];if(o==="subscription"){let i=f(3);return[`${i}T10:00`,`${w(i,6)}T10:00`]}return[`${t}T10:00`,`${y(t,2)}T10:00`]}var l=class extends n{constructor(){super(),this.centreId="",this.timeZone="",this.product="rental",this.pool="",this.products="",this.from="",this.until="",this._free=null,this._chosen=null,this._busy=!1,this._error=null,this._status=""}willUpdate(e){e.has("product")&&(!this.from||e.get("product")!==void 0)&&([this.from,this.until]=_(this.product,this.timeZone)),["product","centreId","pool"].some(t=>e.has(t)&&e.get(t)!==void 0)&&this._clear()}get window(){return{startsAt:u(this.from,this.timeZone),endsAt:u(this.until,this.timeZone)}}_clear(){this._free=null,this._status="",this._chosen&&(this._chosen=null,this.emit("mp-vehicle-chosen",{resource:null}))}async search(e){if(e?.preventDefault(),!this.centreId)return;this._clear(),this._busy=!0,this._error=null;let{startsAt:t,endsAt:i}=this.window;try{let r=await this.api.get("/booking/availability",{product:this.product,pool:this.pool,centre_id:this.centreId,starts_at:t,ends_at:i});this._free=r.resources}catch(r){this._error=r}finally{this._busy=!1}}_choose(e){this._chosen=e,this._status="";let{startsAt:t,endsAt:i}=this.window;this.emit("mp-vehicle-chosen",{resource:e,product:this.product,centreId:this.centreId,startsAt:t,endsAt:i})}_pickProduct(e){this.product=e,this.emit("mp-product-changed",{product:e})}async book({note:e}={}){if(!this._chosen)throw new Error("no car chosen");this._busy=!0,this._error=null;let{startsAt:t,endsAt:i}=this.window;try{let r=await this.api.post("/booking/holds",{product:this.product,resource_id:this._chosen.id,starts_at:t,ends_at:i,...e?{note:e}:{}},{idempotent:!0}),g=await this.api.post(`/booking/bookings/${r.id}/confirm`);return this.announce(g.reference),this.emit("mp-booked",{booking:g}),g}catch(r){throw this._error=r,r}finally{this._busy=!1}}announce(e){this._error=null,this._status=this.t("booking.search.booked",{reference:e})}async show(e){try{let t=await this.api.get(`/booking/bookings/${e}`);this.announce(t.reference),this.emit("mp-booked",{booking:t})}catch(t){this._error=t}}fail(e){this._error=e}_renderProducts(){let e=(this.products||"").split(/\s+/).filter(Boolean);return e.length<2?"":s`<fieldset class="choices">
      <legend>${this.t("booking.product.label")}</legend>
      ${e.map(t=>s`<label
          ><input
            type="radio"
            name="product"
            value=${t}
            .checked=${t===this.product}
            @change=${()=>this._pickProduct(t)}
          />${this.t(`booking.product.${t}`)}</label
        >`)}
    </fieldset>`}_renderFree(){let e=this._free;return e===null?"":e.length?s`<fieldset>
      <legend>
        ${this.t("booking.search.results")}
        <span class="muted"
          >(${this.t("booking.search.found",{count:m(e.length,this.loc)})})</span
        >
      </legend>
      <ul class="plain cars">
        ${e.map(t=>s`<li>
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
    </fieldset>`:s`<p role="status">${this.t("booking.search.none")}</p>`}render(){return s`<section class="card" aria-labelledby="title" aria-busy=${this._busy?"true":"false"}>
      <h2 id="title">${this.t("booking.search.title")}</h2>
      ${this._renderProducts()}
      ${this.centreId?s`<form @submit=${this.search}>
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
            ${this.timeZone?s`<p class="muted">${this.t("booking.search.clock",{zone:this.timeZone})}</p>`:""}
            <button type="submit" ?disabled=${this._busy} style="margin-bottom:var(--_space)">
              ${this._busy?this.t("booking.search.searching"):this.t("booking.search.submit")}
            </button>
          </form>`:s`<p class="muted">${this.t("booking.search.needCentre")}</p>`}
      ${this.renderError(this._error)} ${this._renderFree()}
      <p role="status" class="ok" data-booked>${this._status}</p>
    </section>`}};a(l,"properties",{...n.properties,centreId:{attribute:"centre-id"},timeZone:{attribute:"time-zone"},product:{},pool:{},products:{},from:{},until:{},_free:{state:!0},_chosen:{state:!0},_busy:{state:!0},_error:{state:!0},_status:{state:!0}}),a(l,"styles",[n.styles,h`
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
    `]);customElements.get("mp-vehicle-search")||customElements.define("mp-vehicle-search",l);export{c as MpBookingList,l as MpVehicleSearch,d as instantToLocal,u as localToInstant};

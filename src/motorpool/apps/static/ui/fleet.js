import{A as z,b as x,f as T,g as c,h as k,i as P,k as I,q as E,t as b,x as v,z as R}from"./chunks/chunk-UYN26RCM.js";var D={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},M=a=>(...t)=>({_$litDirective$:a,values:t}),y=class{constructor(t){}get _$AU(){return this._$AM._$AU}_$AT(t,s,r){this._$Ct=t,this._$AM=s,this._$Ci=r}_$AS(t,s){return this.update(t,s)}update(t,s){return this.render(...s)}};var{I:H}=P,N=a=>a;var L=()=>document.createComment(""),$=(a,t,s)=>{let r=a._$AA.parentNode,e=t===void 0?a._$AB:t._$AA;if(s===void 0){let i=r.insertBefore(L(),e),l=r.insertBefore(L(),e);s=new H(i,l,a,a.options)}else{let i=s._$AB.nextSibling,l=s._$AM,h=l!==a;if(h){let d;s._$AQ?.(a),s._$AM=a,s._$AP!==void 0&&(d=a._$AU)!==l._$AU&&s._$AP(d)}if(i!==e||h){let d=s._$AA;for(;d!==i;){let g=N(d).nextSibling;N(r).insertBefore(d,e),d=g}}}return s},m=(a,t,s=a)=>(a._$AI(t,s),a),j={},O=(a,t=j)=>a._$AH=t,U=a=>a._$AH,w=a=>{a._$AR(),a._$AA.remove()};var V=(a,t,s)=>{let r=new Map;for(let e=t;e<=s;e++)r.set(a[e],e);return r},Z=M(class extends y{constructor(a){if(super(a),a.type!==D.CHILD)throw Error("repeat() can only be used in text expressions")}dt(a,t,s){let r;s===void 0?s=t:t!==void 0&&(r=t);let e=[],i=[],l=0;for(let h of a)e[l]=r?r(h,l):l,i[l]=s(h,l),l++;return{values:i,keys:e}}render(a,t,s){return this.dt(a,t,s).values}update(a,[t,s,r]){let e=U(a),{values:i,keys:l}=this.dt(t,s,r);if(!Array.isArray(e))return this.ut=l,i;let h=this.ut??=[],d=[],g,C,n=0,f=e.length-1,o=0,p=i.length-1;for(;n<=f&&o<=p;)if(e[n]===null)n++;else if(e[f]===null)f--;else if(h[n]===l[o])d[o]=m(e[n],i[o]),n++,o++;else if(h[f]===l[p])d[p]=m(e[f],i[p]),f--,p--;else if(h[n]===l[p])d[p]=m(e[n],i[p]),$(a,d[p+1],e[n]),n++,p--;else if(h[f]===l[o])d[o]=m(e[f],i[o]),$(a,e[n],e[f]),f--,o++;else if(g===void 0&&(g=V(l,o,p),C=V(h,n,f)),g.has(h[n]))if(g.has(h[f])){let u=C.get(l[o]),A=u!==void 0?e[u]:null;if(A===null){let S=$(a,e[n]);m(S,i[o]),d[o]=S}else d[o]=m(A,i[o]),$(a,e[n],A),e[u]=null;o++}else w(e[f]),f--;else w(e[n]),n++;for(;o<=p;){let u=$(a,d[p+1]);m(u,i[o]),d[o++]=u}for(;n<=f;){let u=e[n++];u!==null&&w(u)}return this.ut=l,O(a,d),k}});I({en:{"fleet.title":"Fleet board","fleet.asOf":"As of {when} ({zone})","fleet.filter":"Pool","fleet.all":"All pools","fleet.car":"Car","fleet.pool":"Pool","fleet.state":"State","fleet.damages":"Open damages","fleet.current":"Now","fleet.next":"Next","fleet.none":"No cars at this centre.","fleet.needCentre":"Choose a centre first.","fleet.refresh":"Refresh","fleet.until":"until {when}","fleet.from":"from {when}","fleet.blocked":"blocked until {when}","fleet.pool.rental":"Rental","fleet.pool.subscription":"Subscription","fleet.pool.carsharing":"Car sharing","fleet.pool.testdrive":"Test drive","fleet.pool.courtesy":"Courtesy","fleet.state.ready":"Ready","fleet.state.cleaning":"Cleaning","fleet.state.charging":"Charging","fleet.state.maintenance":"Maintenance","fleet.state.retired":"Retired","fleet.change":"Change state","fleet.newState":"New state","fleet.maintenanceUntil":"In maintenance until ({zone})","fleet.reason":"Reason","fleet.save":"Save","fleet.changed":"{car}: {state}."},de:{"fleet.title":"Flottenübersicht","fleet.asOf":"Stand {when} ({zone})","fleet.filter":"Pool","fleet.all":"Alle Pools","fleet.car":"Fahrzeug","fleet.pool":"Pool","fleet.state":"Zustand","fleet.damages":"Offene Schäden","fleet.current":"Jetzt","fleet.next":"Als Nächstes","fleet.none":"Keine Fahrzeuge in diesem Zentrum.","fleet.needCentre":"Wählen Sie zuerst ein Zentrum.","fleet.refresh":"Aktualisieren","fleet.until":"bis {when}","fleet.from":"ab {when}","fleet.blocked":"gesperrt bis {when}","fleet.pool.rental":"Miete","fleet.pool.subscription":"Abo","fleet.pool.carsharing":"Carsharing","fleet.pool.testdrive":"Probefahrt","fleet.pool.courtesy":"Ersatzwagen","fleet.state.ready":"Bereit","fleet.state.cleaning":"Reinigung","fleet.state.charging":"Lädt","fleet.state.maintenance":"Wartung","fleet.state.retired":"Ausgemustert","fleet.change":"Zustand ändern","fleet.newState":"Neuer Zustand","fleet.maintenanceUntil":"In Wartung bis ({zone})","fleet.reason":"Grund","fleet.save":"Speichern","fleet.changed":"{car}: {state}."}});var F=["rental","subscription","carsharing","testdrive","courtesy"],B=["ready","cleaning","charging","maintenance","retired"],_=class extends v{constructor(){super(),this.centreId="",this.pool="",this.pollSeconds=0,this._board=null,this._error=null,this._timer=0,this._wanted={},this._changed="",this._changing=""}disconnectedCallback(){clearInterval(this._timer),super.disconnectedCallback()}updated(t){["centreId","token","baseUrl"].some(s=>t.has(s))&&this.load(),t.has("pollSeconds")&&(clearInterval(this._timer),this.pollSeconds>0&&(this._timer=setInterval(()=>this.load(),this.pollSeconds*1e3)))}async load(){if(!this.centreId||!this.token){this.supersede("board"),this._board=null;return}try{let{answer:t,stale:s}=await this.latest("board",()=>this.api.get("/fleet/board",{centre_id:this.centreId}));if(s)return;this._error=null,this._board=t}catch(t){this._error=t}}async _changeState(t,s){t.preventDefault();let r=new FormData(t.target),e=String(r.get("state")),i={state:e,reason:String(r.get("reason")||"").trim()};e==="maintenance"&&(i.until=R(String(r.get("until")),this._board.time_zone)),this._changing=s.car_id;let l=t.target;try{await this.api.post(`/fleet/cars/${s.car_id}/state`,i),l.reset(),l.closest("details").open=!1,this._error=null,this._changed=this.t("fleet.changed",{car:s.label,state:this.t(`fleet.state.${e}`)}),this._wanted={...this._wanted,[s.car_id]:void 0},await this.load()}catch(h){this._error=h}finally{this._changing=""}}_renderChange(t,s){let r=`change-${t.car_id}`,e=this._wanted[t.car_id]||B.find(l=>l!==t.state),i=z(Date.now()+24*36e5,s).slice(0,11)+"18:00";return c`<details>
      <summary>${this.t("fleet.change")}<span class="sr-only"> ${t.label}</span></summary>
      <form @submit=${l=>this._changeState(l,t)}>
        <div class="field">
          <label for="${r}-state">${this.t("fleet.newState")}</label>
          <select
            id="${r}-state"
            name="state"
            @change=${l=>this._wanted={...this._wanted,[t.car_id]:l.target.value}}
          >
            ${B.filter(l=>l!==t.state).map(l=>c`<option value=${l} ?selected=${l===e}>${this.t(`fleet.state.${l}`)}</option>`)}
          </select>
        </div>
        ${e==="maintenance"?c`<div class="field">
              <label for="${r}-until">${this.t("fleet.maintenanceUntil",{zone:s})}</label>
              <input id="${r}-until" name="until" type="datetime-local" required .value=${i} />
            </div>`:""}
        <div class="field">
          <label for="${r}-reason">${this.t("fleet.reason")}</label>
          <input id="${r}-reason" name="reason" required maxlength="200" />
        </div>
        <button type="submit" ?disabled=${this._changing===t.car_id}>${this.t("fleet.save")}</button>
      </form>
    </details>`}_booking(t,s,r,e){return t?c`<span data-reference=${t.reference}
      >${t.reference}<br /><span class="muted"
        >${this.t(s,{when:b(r,this.loc,{timeZone:e})})}</span
      ></span
    >`:c`<span class="muted">–</span>`}render(){let t=this._board,s=t?t.cars.filter(e=>!this.pool||e.pool===this.pool):[],r=t?.time_zone;return c`<section class="card" aria-labelledby="title">
      <div class="toolbar">
        <div>
          <h2 id="title">${this.t("fleet.title")}</h2>
          ${t?c`<p class="muted" style="margin:0">
                ${this.t("fleet.asOf",{when:b(t.as_of,this.loc,{timeZone:r}),zone:r})}
              </p>`:""}
        </div>
        <div class="row">
          <div class="field">
            <label for="pool">${this.t("fleet.filter")}</label>
            <select id="pool" @change=${e=>this.pool=e.target.value}>
              <option value="" ?selected=${!this.pool}>${this.t("fleet.all")}</option>
              ${F.map(e=>c`<option value=${e} ?selected=${e===this.pool}>${this.t(`fleet.pool.${e}`)}</option>`)}
            </select>
          </div>
          <button type="button" class="secondary" style="align-self:end" @click=${()=>this.load()}>
            ${this.t("fleet.refresh")}
          </button>
        </div>
      </div>
      ${this.renderError(this._error)}
      <p role="status" class="ok" data-changed>${this._changed}</p>
      ${this.centreId?this.token?t?s.length===0?c`<p>${this.t("fleet.none")}</p>`:c`<div class="scroll" tabindex="0" role="region" aria-labelledby="title">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">${this.t("fleet.car")}</th>
                        <th scope="col">${this.t("fleet.pool")}</th>
                        <th scope="col">${this.t("fleet.state")}</th>
                        <th scope="col">${this.t("fleet.damages")}</th>
                        <th scope="col">${this.t("fleet.current")}</th>
                        <th scope="col">${this.t("fleet.next")}</th>
                        <th scope="col">${this.t("fleet.change")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${Z(s,e=>e.car_id,e=>c`<tr data-car=${e.vin}>
                          <th scope="row">
                            ${e.label}<br /><span class="muted" style="font-weight:normal">${e.vin}</span>
                          </th>
                          <td>${this.t(`fleet.pool.${e.pool}`)}</td>
                          <td>
                            <span class="state" data-state=${e.state}>${this.t(`fleet.state.${e.state}`)}</span>
                            ${e.blocked_until?c`<br /><span class="muted"
                                    >${this.t("fleet.blocked",{when:b(e.blocked_until,this.loc,{timeZone:r})})}</span
                                  >`:""}
                          </td>
                          <td>${E(e.open_damages,this.loc)}</td>
                          <td data-current>
                            ${this._booking(e.current_booking,"fleet.until",e.current_booking?.ends_at,r)}
                          </td>
                          <td data-next>
                            ${this._booking(e.next_booking,"fleet.from",e.next_booking?.starts_at,r)}
                          </td>
                          <td data-change>${this._renderChange(e,r)}</td>
                        </tr>`)}
                    </tbody>
                  </table>
                </div>`:c`<p class="muted">${this.t("common.loading")}</p>`:c`<p class="muted">${this.t("common.signInFirst")}</p>`:c`<p class="muted">${this.t("fleet.needCentre")}</p>`}
    </section>`}};x(_,"properties",{...v.properties,centreId:{attribute:"centre-id"},pool:{},pollSeconds:{attribute:"poll-seconds",type:Number},_board:{state:!0},_error:{state:!0},_wanted:{state:!0},_changed:{state:!0},_changing:{state:!0}}),x(_,"styles",[v.styles,T`
      .scroll {
        overflow-x: auto;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 0.92rem;
      }
      th,
      td {
        text-align: left;
        padding: 0.35rem 0.4rem;
        border-bottom: 1px solid var(--_border);
        vertical-align: top;
      }
      thead th {
        font-weight: 500;
        color: var(--_muted);
      }
      .state {
        display: inline-block;
        padding: 0.05rem 0.45rem;
        border-radius: 999px;
        border: 1px solid currentColor;
        font-size: 0.85rem;
      }
      .state[data-state="ready"] {
        color: var(--_ok);
      }
      .state[data-state="maintenance"],
      .state[data-state="retired"] {
        color: var(--_danger);
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        align-items: end;
        justify-content: space-between;
        margin-bottom: calc(var(--_space) * 0.5);
      }
      .toolbar .field {
        margin: 0;
      }
      details form {
        display: grid;
        gap: 0.4rem;
        margin-top: 0.4rem;
        min-width: 14rem;
      }
      details .field {
        margin: 0;
      }
    `]);customElements.get("mp-fleet-board")||customElements.define("mp-fleet-board",_);export{_ as MpFleetBoard};

/** The customer phone's stylesheet (inline in the page). */
export const PHONE_CSS = `
*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#e9ebee;display:flex;justify-content:center;align-items:flex-start;min-height:100vh;padding:24px}
.phone{width:390px;height:780px;background:#111;border-radius:46px;padding:14px;box-shadow:0 20px 60px rgba(0,0,0,.35);position:relative}
.screen{background:#fff;border-radius:34px;height:100%;overflow:hidden;display:flex;flex-direction:column}
.notch{position:absolute;top:14px;left:50%;transform:translateX(-50%);width:120px;height:26px;background:#111;border-radius:0 0 16px 16px;z-index:2}
.status{height:34px;display:flex;justify-content:space-between;align-items:flex-end;padding:0 26px 4px;font-size:12px;font-weight:600}
.top{padding:8px 12px;border-bottom:1px solid #eee;display:flex;flex-direction:column;gap:6px}
.switch{display:flex;gap:6px}.switch button{flex:1;border:1px solid #ddd;background:#f7f7f7;border-radius:16px;padding:6px;font-size:13px;cursor:pointer}
.switch button[aria-pressed=true]{background:#111;color:#fff;border-color:#111}
.ig .switch button[aria-pressed=true]{background:linear-gradient(45deg,#f09433,#dc2743,#bc1888);border-color:transparent}
.ms .switch button[aria-pressed=true]{background:#0084ff;border-color:#0084ff}
select{width:100%;padding:6px;border-radius:8px;border:1px solid #ddd;font-size:14px}
.head{display:flex;align-items:center;gap:8px;padding:6px 0}.head .optin{margin-left:auto;white-space:nowrap;border:1px solid #ddd;background:#fff;border-radius:14px;padding:3px 8px;font-size:11px;cursor:pointer}.head img{width:34px;height:34px;border-radius:50%}.head .name{font-weight:600;font-size:14px}.head .sub{font-size:11px;color:#888}
.tabs{display:flex;border-bottom:1px solid #eee}.tabs button{flex:1;border:0;background:none;padding:8px;font-size:13px;cursor:pointer;border-bottom:2px solid transparent}.tabs button[aria-selected=true]{border-color:#111;font-weight:600}
.thread{flex:1;overflow-y:auto;padding:10px;display:flex;flex-direction:column;gap:6px;background:#fff}
.msg{max-width:78%;padding:8px 12px;border-radius:18px;font-size:14px;line-height:1.35;position:relative;word-wrap:break-word;white-space:pre-wrap}
.msg.in{align-self:flex-end;color:#fff}.ig .msg.in{background:#3797f0}.ms .msg.in{background:#0084ff}
.msg.out{align-self:flex-start;background:#efefef;color:#111}.msg.deleted{font-style:italic;opacity:.6}
.msg img{max-width:180px;border-radius:12px;display:block}.msg .react{position:absolute;bottom:-10px;right:6px;background:#fff;border-radius:10px;font-size:12px;padding:0 4px;box-shadow:0 1px 3px rgba(0,0,0,.2)}
.msg .heart{border:0;background:none;cursor:pointer;font-size:13px;margin-left:6px;opacity:.5}.msg .heart:hover{opacity:1}
.meta{font-size:10px;color:#999;align-self:flex-end}
.chips{display:flex;flex-wrap:wrap;gap:6px;align-self:flex-start}.chips button{border:1px solid #0084ff;color:#0084ff;background:#fff;border-radius:14px;padding:4px 10px;font-size:13px;cursor:pointer}
.typing{font-size:12px;color:#888;padding:0 12px 4px;min-height:18px}
.composer{display:flex;gap:6px;padding:8px;border-top:1px solid #eee;align-items:center}
.composer input{flex:1;border:1px solid #ddd;border-radius:20px;padding:9px 14px;font-size:14px}
.composer button{border:0;background:none;font-size:22px;cursor:pointer;color:#555}.composer .send{font-size:14px;font-weight:600;color:#0084ff}
.samples{display:none;gap:6px;padding:6px 8px;border-top:1px solid #eee;flex-wrap:wrap}.samples.open{display:flex}
.samples button{border:1px solid #ddd;border-radius:8px;background:#fafafa;padding:4px;font-size:11px;cursor:pointer;display:flex;flex-direction:column;align-items:center;width:80px}
.samples img{width:60px;height:60px;object-fit:cover;border-radius:6px}
.posts{flex:1;overflow-y:auto;padding:10px;display:none;flex-direction:column;gap:14px}.posts.open{display:flex}
.post{border:1px solid #eee;border-radius:12px;overflow:hidden;flex-shrink:0}.post img{width:100%;max-height:170px;object-fit:cover;display:block}.post .cap{padding:8px;font-size:13px}
.post .comments{padding:0 8px 8px;font-size:13px}.post .comments div{padding:2px 0}.post .comments .reply{padding-left:16px;color:#555}
.post form{display:flex;gap:6px;padding:8px;border-top:1px solid #f3f3f3}.post input{flex:1;border:1px solid #ddd;border-radius:16px;padding:6px 10px}
.toast{position:absolute;bottom:90px;left:50%;transform:translateX(-50%);background:#333;color:#fff;padding:6px 12px;border-radius:14px;font-size:12px;opacity:0;transition:opacity .3s}.toast.show{opacity:.9}
.posts .bar{display:flex;gap:6px;flex-wrap:wrap;align-items:center}.posts .bar button{border:1px solid #ddd;background:#fafafa;border-radius:14px;padding:4px 10px;font-size:12px;cursor:pointer}
.mention{display:none;flex-direction:column;gap:6px;border:1px solid #eee;border-radius:12px;padding:8px}.mention.open{display:flex}.mention textarea{border:1px solid #ddd;border-radius:8px;padding:6px;font:inherit;font-size:13px;min-height:48px}
.mention .row{display:flex;gap:6px;align-items:center;font-size:12px}.mention .row button{margin-left:auto}
.badge{display:inline-block;font-size:10px;font-weight:700;border-radius:6px;padding:1px 6px;margin-left:6px;vertical-align:middle}.badge.live{background:#e0245e;color:#fff}.badge.ad{background:#eee;color:#555}.badge.story{background:#fde7ef;color:#b0125b}
.post .comments .c{padding:3px 0;display:flex;flex-wrap:wrap;gap:4px;align-items:baseline}.post .comments .c.reply{padding-left:16px;color:#555}
.post .comments .c .acts{display:inline-flex;gap:6px;margin-left:auto}.post .comments .c .acts button{border:0;background:none;color:#8a8a8a;font-size:11px;cursor:pointer;padding:0}
.post .comments .note{font-size:11px;color:#b35c00;width:100%}.post .comments .removed{font-style:italic;color:#999}
.post .comments .dm{font-size:11px;color:#0084ff;border:0;background:none;cursor:pointer;padding:0;width:100%;text-align:left}
.post .mode{font-size:11px;color:#555;padding:0 8px;display:flex;gap:6px}.post .mode button{border:0;background:none;color:#0084ff;font-size:11px;cursor:pointer}
.quote{font-size:11px;opacity:.75;border-left:2px solid currentColor;padding-left:6px;margin-bottom:4px}
.post .cta{margin:0 8px 8px;width:calc(100% - 16px);border:0;border-radius:8px;padding:8px;background:#0084ff;color:#fff;font-weight:600;cursor:pointer}.ig .post .cta{background:#3797f0}
.tabs button[data-unread=true]::after{content:' •';color:#e0245e}
`;

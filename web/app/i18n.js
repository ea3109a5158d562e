// English and Simplified Chinese texts of the page. Elements carry data-i18n="key" (textContent),
// data-i18n-label="key" (aria-label) or data-i18n-placeholder="key"; translateTree() fills them,
// and code that builds text at run time calls t() again on 'languagechange'.
// The English labels of the connection panel and filters are a contract (docs/page.md).

const en = {
  'app.title': 'casview: SSL certificates',
  'app.tagline': 'Certificates and certificate orders of an Alibaba Cloud account',
  'lang.label': 'Language',
  'conn.legend': 'Connection',
  'conn.accessKeyId': 'AccessKey ID',
  'conn.accessKeySecret': 'AccessKey Secret',
  'conn.securityToken': 'Security token',
  'conn.securityTokenHint': 'Recommended: use short-lived STS credentials (AccessKey ID, secret and token from AssumeRole) with only yundun-cert:ListUserCertificateOrder.',
  'conn.endpoint': 'Endpoint',
  'conn.endpointHint': 'Pick a site or type any endpoint URL.',
  'conn.endpoint.cn': 'China site',
  'conn.endpoint.intl': 'International',
  'conn.endpoint.local': 'Local demo emulator',
  'conn.endpoint.custom': 'Custom',
  'conn.proxy': 'Proxy',
  'conn.proxyHint': 'CORS proxy prefix; requests go to proxy + endpoint. Empty calls the endpoint directly.',
  'conn.bothSites': 'Both sites (China + International)',
  'conn.remember': 'Remember for this tab',
  'conn.rememberHint': 'Keeps the secret in this tab’s session storage until the tab closes. Otherwise it stays in memory only.',
  'conn.load': 'Load',
  'conn.secretNote': 'The secret never leaves this page: only signatures are sent.',
  'demo.notice': 'Local demo: a made-up account on the casview emulator running on this computer. Every certificate and order shown is invented; nothing comes from Alibaba Cloud.',
  'progress.label': 'Loading progress',
  'progress.text': '{done} of {total} pages, {entries} entries',
  'progress.cancel': 'Cancel',
  'progress.cancelled': 'Loading cancelled; showing what arrived.',
  'progress.cancelledKept': 'Reload cancelled; the table still shows the earlier load from {time}.',
  'filters.legend': 'Filters',
  'filters.search': 'Search',
  'filters.searchPlaceholder': 'name, domain, SAN, id…',
  'filters.status': 'Status',
  'filters.orderType': 'Order type',
  'filters.within': 'Expires within (days)',
  'filters.kind': 'Kind',
  'filters.site': 'Site',
  'filters.resourceGroup': 'Resource group',
  'filters.covers': 'Covers domain',
  'filters.coversPlaceholder': 'www.example.com',
  'filters.hideSuperseded': 'Hide superseded',
  'filters.any': 'Any',
  'filters.month': 'Expiring in {month}',
  'filters.monthExpired': 'Already expired',
  'filters.clearMonth': 'Clear month',
  'filters.reset': 'Reset filters',
  'view.clear': 'Clear table',
  'kind.certificate': 'Certificate',
  'kind.order': 'Order',
  'status.showing': 'Showing {shown} of {total}',
  'status.noData': 'Nothing loaded yet.',
  'expiry.expired': 'expired',
  'expiry.critical': 'critical',
  'expiry.warning': 'warning',
  'expiry.ok': 'ok',
  'expiry.unknown': 'no date',
  'table.caption': 'Certificates and orders',
  'col.kind': 'Kind',
  'col.site': 'Site',
  'col.name': 'Name',
  'col.domain': 'Domain',
  'col.sans': 'SANs',
  'col.issuer': 'Issuer / brand',
  'col.status': 'Status',
  'col.orderType': 'Order type',
  'col.notAfter': 'Not after',
  'col.daysLeft': 'Days left',
  'col.resourceGroupId': 'Resource group',
  'col.id': 'ID',
  'table.sansToggle': '{count} names',
  'table.empty': 'No rows match.',
  'timeline.title': 'Expiring per month',
  'timeline.expired': 'expired',
  'timeline.bar': '{label}: {count}',
  'export.csv': 'Export CSV',
  'export.json': 'Export JSON',
  'details.title': 'Details',
  'details.close': 'Close',
  'details.field': 'Field',
  'details.value': 'Value',
  'error.title': 'Loading failed',
  'error.titleReload': 'Reload failed',
  'error.keptEarlier': 'The table still shows the earlier load from {time}.',
  'error.keptEarlierPartial': 'The table still shows what the earlier load got before it stopped at {time}.',
  'error.dismiss': 'Dismiss',
  'error.code': 'Code: {code}',
  'error.requestId': 'Request ID: {requestId}',
  'advice.wrongSecret': 'The signature was refused: the AccessKey Secret does not belong to this AccessKey ID. Check the secret (no spaces around it).',
  'advice.unknownKey': 'This AccessKey ID is unknown to the selected site. Check the ID, and the endpoint (China site or International).',
  'advice.inactiveKey': 'This AccessKey is disabled. Enable it in the RAM console or use another one.',
  'advice.permission': 'The key has no permission to list certificates. Grant the RAM action yundun-cert:ListUserCertificateOrder (e.g. the AliyunYundunCertReadOnlyAccess policy) to this user or role.',
  'advice.clock': 'The request time was refused: this computer’s clock is more than 15 minutes off. Correct the clock and load again.',
  'advice.token': 'The security token is invalid or expired. Get fresh STS credentials (ID, secret and token together).',
  'advice.proxyUnreachable': 'The proxy could not be reached. Check the Proxy field and that the proxy is running.',
  'advice.proxyHost': 'The proxy refuses to forward to this endpoint. Use a CAS endpoint, or allow the host on the proxy.',
  'advice.proxyOrigin': 'The proxy does not accept requests from this page’s origin. Add this origin to the proxy’s allowed origins.',
  'advice.upstream': 'The proxy could not reach the endpoint in time. Check the Endpoint and try again.',
  'advice.timeout': 'The request timed out. Check the proxy and the endpoint, then load again.',
  'advice.throttled': 'The service is throttling requests (at most 10 per second). Wait a moment and load again.',
  'advice.retrying': 'Throttled or a temporary error ({code}): retrying (attempt {attempt}) in {seconds} s…',
  'advice.malformed': 'The answer was not a CAS response. Check that Endpoint and Proxy point to Alibaba Cloud CAS (or the emulator).',
  'advice.invalidParameter': 'A setting was refused before anything was sent ({param}). Check the fields.',
  'advice.missingKey': 'Enter an AccessKey ID and AccessKey Secret.',
  'advice.demoMissing': 'This page was opened as the local demo (?demo), but its server has no demo settings. Start the demo with scripts/serve, or fill in the connection yourself.',
  'advice.generic': 'The request failed. The message below is the service’s own.',
};

const zhCN = {
  'app.title': 'casview：SSL 证书',
  'app.tagline': '阿里云账号的证书与证书订单',
  'lang.label': '语言',
  'conn.legend': '连接',
  'conn.accessKeyId': 'AccessKey ID',
  'conn.accessKeySecret': 'AccessKey Secret',
  'conn.securityToken': '安全令牌（Security token）',
  'conn.securityTokenHint': '推荐：使用短期 STS 凭证（AssumeRole 得到的 AccessKey ID、Secret 与令牌），仅授予 yundun-cert:ListUserCertificateOrder。',
  'conn.endpoint': '服务地址（Endpoint）',
  'conn.endpointHint': '选择站点，或输入任意服务地址。',
  'conn.endpoint.cn': '中国站',
  'conn.endpoint.intl': '国际站',
  'conn.endpoint.local': '本地演示模拟器',
  'conn.endpoint.custom': '自定义',
  'conn.proxy': '代理（Proxy）',
  'conn.proxyHint': 'CORS 代理前缀；请求发往 代理 + 服务地址。留空则直接访问服务地址。',
  'conn.bothSites': '两个站点（中国站 + 国际站）',
  'conn.remember': '在此标签页中记住',
  'conn.rememberHint': '将 Secret 保存在此标签页的会话存储中，关闭标签页即清除；否则只保存在内存中。',
  'conn.load': '加载',
  'conn.secretNote': 'Secret 不会离开此页面：只发送签名。',
  'demo.notice': '本地演示：使用本机 casview 模拟器中的虚构账号。这里显示的证书和订单全是编造的，均不来自阿里云。',
  'progress.label': '加载进度',
  'progress.text': '已加载 {done} / {total} 页，{entries} 条',
  'progress.cancel': '取消',
  'progress.cancelled': '已取消加载；显示已收到的数据。',
  'progress.cancelledKept': '已取消重新加载；表格仍显示 {time} 的上一次加载结果。',
  'filters.legend': '筛选',
  'filters.search': '搜索',
  'filters.searchPlaceholder': '名称、域名、SAN、ID…',
  'filters.status': '状态',
  'filters.orderType': '订单类型',
  'filters.within': '到期天数以内',
  'filters.kind': '类别',
  'filters.site': '站点',
  'filters.resourceGroup': '资源组',
  'filters.covers': '覆盖域名',
  'filters.coversPlaceholder': 'www.example.com',
  'filters.hideSuperseded': '隐藏已被替代的',
  'filters.any': '全部',
  'filters.month': '{month} 到期',
  'filters.monthExpired': '已过期',
  'filters.clearMonth': '清除月份',
  'filters.reset': '重置筛选',
  'view.clear': '清空表格',
  'kind.certificate': '证书',
  'kind.order': '订单',
  'status.showing': '显示 {shown} / 共 {total} 条',
  'status.noData': '尚未加载数据。',
  'expiry.expired': '已过期',
  'expiry.critical': '紧急',
  'expiry.warning': '即将到期',
  'expiry.ok': '正常',
  'expiry.unknown': '无日期',
  'table.caption': '证书与订单',
  'col.kind': '类别',
  'col.site': '站点',
  'col.name': '名称',
  'col.domain': '域名',
  'col.sans': 'SAN',
  'col.issuer': '签发者 / 品牌',
  'col.status': '状态',
  'col.orderType': '订单类型',
  'col.notAfter': '到期时间',
  'col.daysLeft': '剩余天数',
  'col.resourceGroupId': '资源组',
  'col.id': 'ID',
  'table.sansToggle': '{count} 个名称',
  'table.empty': '没有匹配的行。',
  'timeline.title': '每月到期数量',
  'timeline.expired': '已过期',
  'timeline.bar': '{label}：{count}',
  'export.csv': '导出 CSV',
  'export.json': '导出 JSON',
  'details.title': '详情',
  'details.close': '关闭',
  'details.field': '字段',
  'details.value': '值',
  'error.title': '加载失败',
  'error.titleReload': '重新加载失败',
  'error.keptEarlier': '表格仍显示 {time} 的上一次加载结果。',
  'error.keptEarlierPartial': '表格仍显示上一次加载在 {time} 中止前收到的数据。',
  'error.dismiss': '关闭',
  'error.code': '错误码：{code}',
  'error.requestId': '请求 ID：{requestId}',
  'advice.wrongSecret': '签名被拒绝：AccessKey Secret 与该 AccessKey ID 不匹配。请检查 Secret（前后不要有空格）。',
  'advice.unknownKey': '所选站点不存在此 AccessKey ID。请检查 ID 以及服务地址（中国站或国际站）。',
  'advice.inactiveKey': '此 AccessKey 已被禁用。请在 RAM 控制台启用或换用其他 AccessKey。',
  'advice.permission': '此密钥没有列出证书的权限。请为该用户或角色授予 RAM 操作 yundun-cert:ListUserCertificateOrder（例如 AliyunYundunCertReadOnlyAccess 策略）。',
  'advice.clock': '请求时间被拒绝：本机时钟偏差超过 15 分钟。请校正时钟后重新加载。',
  'advice.token': '安全令牌无效或已过期。请重新获取 STS 凭证（ID、Secret 与令牌需一起更新）。',
  'advice.proxyUnreachable': '无法连接代理。请检查“代理”字段以及代理是否在运行。',
  'advice.proxyHost': '代理拒绝转发到此服务地址。请使用 CAS 服务地址，或在代理上允许该主机。',
  'advice.proxyOrigin': '代理不接受来自本页面源的请求。请将此源加入代理的允许列表。',
  'advice.upstream': '代理未能及时连接到服务地址。请检查服务地址后重试。',
  'advice.timeout': '请求超时。请检查代理与服务地址，然后重新加载。',
  'advice.throttled': '服务正在限流（每秒最多 10 次请求）。请稍候再加载。',
  'advice.retrying': '被限流或临时错误（{code}）：{seconds} 秒后重试（第 {attempt} 次）…',
  'advice.malformed': '收到的不是 CAS 响应。请确认服务地址与代理指向阿里云 CAS（或模拟器）。',
  'advice.invalidParameter': '设置在发送前被拒绝（{param}）。请检查各字段。',
  'advice.missingKey': '请输入 AccessKey ID 和 AccessKey Secret。',
  'advice.demoMissing': '此页面以本地演示方式（?demo）打开，但其服务器没有提供演示设置。请用 scripts/serve 启动演示，或自行填写连接信息。',
  'advice.generic': '请求失败。下面是服务返回的原始信息。',
};

export const DICTIONARIES = Object.freeze({ en, 'zh-CN': zhCN });
export const LANGUAGES = Object.freeze([['en', 'English'], ['zh-CN', '简体中文']]);

/** 'zh-CN' for any Chinese preference (zh, zh-CN, zh-Hans…), otherwise English. */
export function pickLanguage(preferences = []) {
  for (const tag of preferences) {
    const lower = String(tag).toLowerCase();
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
    if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  }
  return 'en';
}

let current = 'en';
const target = new EventTarget();

export function language() {
  return current;
}

/** The text for `key` with {name} placeholders filled; the English text if a translation is missing. */
export function t(key, vars = {}) {
  const text = DICTIONARIES[current][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

export function setLanguage(lang) {
  const next = DICTIONARIES[lang] ? lang : 'en';
  if (next === current) return;
  current = next;
  target.dispatchEvent(new Event('languagechange'));
}

/** Calls fn now and after every language switch; returns the unsubscribe function. */
export function onLanguageChange(fn) {
  target.addEventListener('languagechange', fn);
  return () => target.removeEventListener('languagechange', fn);
}

// Intl formatters are costly to create; one per language, made on first use.
const numberFormats = new Map();
export function formatNumber(n) {
  if (!numberFormats.has(current)) numberFormats.set(current, new Intl.NumberFormat(current));
  return numberFormats.get(current).format(n);
}

// When a load ended, in the page's language and the user's time zone: the time of day, and the
// day too unless it is today (a tab left open overnight).
const timeFormats = new Map();
export function formatTime(ms, now = Date.now()) {
  const day = new Date(ms).toDateString() !== new Date(now).toDateString();
  const key = `${current}${day ? ' day' : ''}`;
  if (!timeFormats.has(key)) {
    timeFormats.set(key, new Intl.DateTimeFormat(current, {
      ...(day ? { year: 'numeric', month: 'short', day: 'numeric' } : {}), hour: '2-digit', minute: '2-digit', second: '2-digit',
    }));
  }
  return timeFormats.get(key).format(ms);
}

/** Dates are shown as ISO (UTC) days: unambiguous in both languages and sortable by eye. */
export function formatDate(ms) {
  return ms === null || ms === undefined ? '' : new Date(ms).toISOString().slice(0, 10);
}

/** Fills every data-i18n* element under root with the current language's text. */
export function translateTree(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
}

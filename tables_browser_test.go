package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/gongkai/gongkai/internal/chromiumtest"
)

// layoutProblems runs in the page and lists what a reader on this screen would stumble on: the
// page wider than the screen, a number, date, 文号, ID or name (a .nw cell or a cell that is a
// number) broken over two lines, a legend cut off or set in tiny type, ids used twice, text cut
// with "…" in a duty table, and right alignment from Markdown lost.
const layoutProblems = `(() => {
	const out = [], de = document.documentElement;
	if (de.scrollWidth > innerWidth + 1) out.push('page is ' + de.scrollWidth + ' px wide on a ' + innerWidth + ' px screen');
	const lines = (el) => { const r = document.createRange(); r.selectNodeContents(el);
		const tops = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top))); return tops.size; };
	for (const el of document.querySelectorAll('.nw, td.num, th.num')) if (lines(el) > 1) out.push('wraps: ' + el.textContent.trim());
	for (const td of document.querySelectorAll('td')) {
		const t = td.textContent.trim();
		if (/^[-+]?[0-9][0-9,]*(\.[0-9]+)?%?$/.test(t) && lines(td) > 1) out.push('number wraps: ' + t);
		if (/^[\p{sc=Han}·]{2,6}$/u.test(t) && lines(td) > 1) out.push('name wraps: ' + t);
	}
	for (const lg of document.querySelectorAll('.legend')) {
		const box = lg.parentElement.getBoundingClientRect();
		for (const li of lg.children) {
			const r = li.getBoundingClientRect();
			if (r.right > box.right + 1) out.push('legend cut: ' + li.textContent);
			if (parseFloat(getComputedStyle(li).fontSize) < 14) out.push('legend text ' + getComputedStyle(li).fontSize + ': ' + li.textContent);
		}
	}
	for (const t of document.querySelectorAll('svg text')) {
		const px = t.getBoundingClientRect().height;
		if (px > 0 && px < 11) out.push('chart text ' + px.toFixed(1) + ' px tall: ' + t.textContent);
	}
	const seen = {};
	for (const el of document.querySelectorAll('[id]')) { if (seen[el.id]) out.push('duplicate id ' + el.id); seen[el.id] = true; }
	for (const td of document.querySelectorAll('#duties-h ~ .scroll td, .dept-tasks td:nth-child(3)')) if (td.textContent.trim().endsWith('…')) out.push('cut: ' + td.textContent.trim());
	for (const c of document.querySelectorAll('[align=right]')) if (getComputedStyle(c).textAlign !== 'right') out.push('not right-aligned: ' + c.textContent.trim());
	return out;
})()`

func TestTablesReadableOnPhoneAndDesktop(t *testing.T) {
	chromiumtest.Require(t)
	base := serveExample(t)
	pages := []string{
		"/disclosures/2026-q3-liaojiaba-caiwu/", // money table
		"/disclosures/2026-q4-liaojiaba-dibao/", // names, IDs, phones
		"/departments/",
		"/departments/minzheng/",
		"/consultations/2024-changsheng-guanxia-tiaozheng/",
		"/policies/2018-kunming-shequ-zhili/",
		"/policies/2021-kaijiang-shequ-fazhan-zhili-guihua/",
		"/policies/",
		"/documents/",
		"/villages/",
		"/search/?q=低保",
		"/data/",
		"/",
	}
	ctx := chromiumtest.Context(t, false)
	for _, width := range []int64{360, 1280} {
		for _, page := range pages {
			t.Run(fmt.Sprintf("%d%s", width, page), func(t *testing.T) {
				var problems []string
				err := chromedp.Run(ctx,
					emulation.SetDeviceMetricsOverride(width, 900, 1, false),
					emulation.SetEmulatedMedia().WithMedia("screen"),
					chromedp.Navigate(base+page),
					chromedp.WaitReady("footer", chromedp.ByQuery),
					chromedp.Evaluate(layoutProblems, &problems),
				)
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range problems {
					t.Error(p)
				}
			})
		}
	}
}

// Printed, a page keeps its address and the alignment of its columns, and shows every task whole.
func TestPrintShowsAddressAndWholeTables(t *testing.T) {
	chromiumtest.Require(t)
	base := serveExample(t)
	ctx := chromiumtest.Context(t, false)
	var printurl, rightAlign string
	var cut, tasks int
	err := chromedp.Run(ctx,
		emulation.SetEmulatedMedia().WithMedia("print"),
		chromedp.Navigate(base+"/policies/2018-kunming-shequ-zhili/"),
		chromedp.WaitReady("footer", chromedp.ByQuery),
		chromedp.Evaluate(`(() => { const p = document.querySelector('.printurl'); return p && p.offsetParent !== null ? p.textContent : ''; })()`, &printurl),
		chromedp.Evaluate(`[...document.querySelectorAll('#duties-h ~ .scroll tbody tr')].length`, &tasks),
		chromedp.Evaluate(`[...document.querySelectorAll('#duties-h ~ .scroll td')].filter((td) => td.textContent.trim().endsWith('…')).length`, &cut),
		chromedp.Navigate(base+"/disclosures/2026-q3-liaojiaba-caiwu/"),
		chromedp.WaitReady("footer", chromedp.ByQuery),
		chromedp.Evaluate(`getComputedStyle(document.querySelector('.doc [align=right]')).textAlign`, &rightAlign),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(printurl, "/policies/2018-kunming-shequ-zhili/") {
		t.Errorf("printout shows no page address, got %q", printurl)
	}
	if tasks != 45 || cut != 0 {
		t.Errorf("printed 任务分工 has %d tasks, %d cut with …; want 45 whole", tasks, cut)
	}
	if rightAlign != "right" {
		t.Errorf("printed ---: column is %s-aligned", rightAlign)
	}
}

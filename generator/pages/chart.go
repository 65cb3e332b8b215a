package pages

import (
	"fmt"
	"html"
	"math"
	"strings"
	"time"

	"chronicle/generator/entry"
)

// Chart draws a series' claims as a small SVG dot chart: date across, value
// up, each dot labelled with its value. Claims the editors checked are
// filled dots, claims found automatically hollow ones; claims of one value
// on one day stand side by side. The margin for the value labels is made
// for the largest size they are drawn at (on a phone), so no label is cut.
// It is drawn at build time and needs no JavaScript.
func Chart(s entry.Series) string {
	const w, h, right, top, bottom = 640.0, 260.0, 20.0, 20.0, 40.0
	type pt struct {
		t       time.Time
		v       float64
		checked bool
	}
	var pts []pt
	minT, maxT := time.Time{}, time.Time{}
	maxV := 0.0
	for _, c := range s.Claims {
		t, err := time.Parse("2006-01-02", c.Date)
		if err != nil {
			continue
		}
		pts = append(pts, pt{t, c.Value, !c.Derived})
		if minT.IsZero() || t.Before(minT) {
			minT = t
		}
		if t.After(maxT) {
			maxT = t
		}
		maxV = math.Max(maxV, c.Value)
	}
	if len(pts) == 0 {
		return ""
	}
	maxV = niceCeil(maxV)
	left := 12 + labelCharWidth*float64(len(formatValue(maxV)))
	span := maxT.Sub(minT).Hours()
	if span == 0 {
		span = 24
	}
	x := func(t time.Time) float64 { return left + (w-left-right)*t.Sub(minT).Hours()/span }
	y := func(v float64) float64 { return h - bottom - (h-top-bottom)*v/maxV }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.0f %.0f" role="img" aria-labelledby="chart-%s-title" class="chart">`, w, h, s.ID)
	fmt.Fprintf(&b, `<title id="chart-%s-title">%s: %d claims</title>`, s.ID, html.EscapeString(s.Title), len(pts))
	for k := 0; k <= 4; k++ {
		v := maxV * float64(k) / 4
		fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" class="grid"/>`, left, w-right, y(v), y(v))
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" class="axis" text-anchor="end">%s</text>`, left-6, y(v)+4, formatValue(v))
	}
	fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" class="axis">%s</text>`, left, h-12, minT.Format("2 Jan 2006"))
	if !maxT.Equal(minT) {
		if days := maxT.Sub(minT).Hours() / 24; days >= 4 {
			mid := minT.Add(maxT.Sub(minT) / 2).Truncate(24 * time.Hour)
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" class="axis" text-anchor="middle">%s</text>`, x(mid), h-12, mid.Format("2 Jan"))
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" class="axis" text-anchor="end">%s</text>`, w-right, h-12, maxT.Format("2 Jan 2006"))
	}
	seen := map[string]int{}
	for _, p := range pts {
		key := p.t.Format(time.DateOnly) + "/" + formatValue(p.v)
		n := seen[key]
		seen[key]++
		// The n-th claim of one value on one day, beside the others.
		dx := float64((n+1)/2) * 11
		if n%2 == 1 {
			dx = -dx
		}
		class, who := "dot dot-derived", "found automatically"
		if p.checked {
			class, who = "dot dot-checked", "checked by the editors"
		}
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="5" class="%s"><title>%s: %s (%s)</title></circle>`, x(p.t)+dx, y(p.v), class, p.t.Format("2 Jan"), formatValue(p.v), who)
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// labelCharWidth is the width of a character of an axis label at the
// largest size the stylesheet draws it (18 units, on a phone), in the
// chart's units.
const labelCharWidth = 11.0

// niceCeil rounds up to 1, 2 or 5 times a power of ten.
func niceCeil(v float64) float64 {
	if v <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= v {
			return m * p
		}
	}
	return 10 * p
}

// formatValue writes 160000 as "160,000".
func formatValue(v float64) string {
	n := int64(math.Round(v))
	s := fmt.Sprint(n)
	var out []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}

package server

import (
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/gilscope/gilscope/examples"
)

// TestTourPages: /tour lists every chapter, /tour/{n} carries chapter n
// (its program, and its data for tour.js) under the same CSP rules as the
// playground, and every other /tour/… is the 404 page.
func TestTourPages(t *testing.T) {
	s, _ := newTestServer(t)
	h := s.Handler()
	chs := examples.Tour()
	tests := []struct {
		desc, target string
		status       int
		want         []string
	}{
		{"index", "/tour", 200, []string{`/tour.js"></script>`, `/tour.css">`, `data-tour-index="1"`, `href="/tour/11"`,
			html.EscapeString(chs[10].Title)}},
		{"first", "/tour/1", 200, []string{`data-chapter="`, `id="tour-question"`, `<canvas id="timeline"`, `href="/tour/2" rel="next"`}},
		{"last", "/tour/11", 200, []string{`href="/tour/10" rel="prev"`, `Chapter 11 of 11`}},
		{"zero", "/tour/0", 404, []string{"Page not found"}},
		{"past the end", "/tour/12", 404, []string{"Page not found"}},
		{"leading zero", "/tour/07", 404, []string{"Page not found"}},
		{"not a number", "/tour/x", 404, []string{"Page not found"}},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			w := get(h, tt.target, browserAccept)
			if w.Code != tt.status {
				t.Fatalf("status = %d, want %d", w.Code, tt.status)
			}
			body := w.Body.String()
			for _, want := range tt.want {
				if !strings.Contains(body, want) {
					t.Errorf("page lacks %s", want)
				}
			}
			for _, banned := range []string{"<style", " style=", "<script>", " onclick="} {
				if strings.Contains(body, banned) {
					t.Errorf("page contains %q, which the CSP forbids", banned)
				}
			}
		})
	}
	for _, c := range chs {
		w := get(h, tourURL(c.N), browserAccept)
		m := regexp.MustCompile(`data-chapter="([^"]*)"`).FindStringSubmatch(w.Body.String())
		if m == nil {
			t.Fatalf("chapter %d: no data-chapter", c.N)
		}
		var got examples.Chapter
		if err := json.Unmarshal([]byte(html.UnescapeString(m[1])), &got); err != nil {
			t.Fatalf("chapter %d: data-chapter: %v", c.N, err)
		}
		if got.N != c.N || got.Source != c.Source || len(got.Claims) != len(c.Claims) || got.Question.Prompt != c.Question.Prompt {
			t.Errorf("chapter %d: the page carries chapter %d (%q)", c.N, got.N, got.Title)
		}
	}
}

// FuzzChapterNumber: a segment names a chapter exactly when it is the
// address tourURL gives that chapter.
func FuzzChapterNumber(f *testing.F) {
	for _, seed := range []string{"1", "11", "12", "0", "07", "-1", "+3", "3.0", "x", "", " 1", "99999999999999999999"} {
		f.Add(seed)
	}
	const count = 11
	f.Fuzz(func(t *testing.T, seg string) {
		n, ok := chapterNumber(seg, count)
		want := false
		for k := 1; k <= count; k++ {
			if tourURL(k) == "/tour/"+seg {
				want = true
				if n != k {
					t.Errorf("chapterNumber(%q) = %d, want %d", seg, n, k)
				}
			}
		}
		if ok != want {
			t.Errorf("chapterNumber(%q) = %d, %v; want ok %v", seg, n, ok, want)
		}
	})
}

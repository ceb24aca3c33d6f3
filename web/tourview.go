// tourview.go defines the view models of the guided tour (/tour, /tour/{n}),
// filled in by package server from examples.Tour.

package web

// Element ids of the tour's chapter page, the contract with static/tour.js
// and the browser tests.
const (
	TourQuestionID = "tour-question"
	TourRunID      = "tour-run"
	TourRevealID   = "tour-reveal"
	TourNextID     = "tour-next"
)

// TourPage is the view model of the tour's index (Chapter nil) and of each
// chapter page.
type TourPage struct {
	Head     Head
	Header   Header
	StyleURL string // tour.css, after the shell's sheet
	Chapters []TourLink
	Chapter  *TourChapter
}

// TourLink is a chapter in the tour's table of contents.
type TourLink struct {
	N     int
	Title string
	URL   string
}

// TourChapter is what a chapter page shows before its script runs: the
// text and the program. Data is the chapter as JSON (examples.Chapter), the
// question, claims and variations static/tour.js works from.
type TourChapter struct {
	N       int
	Of      int
	Title   string
	Text    []string
	Source  string
	PrevURL string // "" on the first chapter
	NextURL string // "" on the last
	Data    string
}

// Package web renders gilscope's HTML pages with templ.
//
// This file defines the view models: plain structs shaped like the screen,
// filled in by package server. The templates in *.templ only place these
// values; they make no decisions of their own.
package web

// Element ids of the playground page. Scripts in static/ and browser tests
// find the page's parts by these ids, so they are a contract: change them
// together with static/app.js.
const (
	EditorPaneID   = "editor-pane"
	ControlsID     = "controls"
	TimelinePaneID = "timeline-pane"
	TimelineID     = "timeline"
	OutputPaneID   = "output-pane"
	OutputID       = "output"
)

// Head is what every page puts in its <head>: the document title and the
// URLs of the static assets, which the server content-hashes.
type Head struct {
	Title     string
	ScriptURL string
	StyleURL  string
	IconURL   string
}

// Header is the bar at the top of every page.
type Header struct {
	Product string // the product name, linked to HomeURL
	Tagline string
	HomeURL string
}

// Pane is one titled panel of the playground.
type Pane struct {
	Title string
}

// PlaygroundPage is the view model of the main page: a header, a controls
// bar, and the editor, timeline and output panes. The panes start empty;
// static/app.js fills them.
type PlaygroundPage struct {
	Head          Head
	Header        Header
	ControlsLabel string // accessible name of the controls toolbar
	Editor        Pane
	Timeline      Pane
	TimelineLabel string // accessible description of the timeline canvas
	Output        Pane
	// Initial is the JSON the page opens on when it comes from a link (/s/{id},
	// /embed/{id}): {"id", "workload", "view", "simulator", "stale"} as GET
	// /api/share/{id} returns it, plus "stale" when today's simulator differs
	// from the one that made the link. Empty on /, which opens on an example.
	Initial string
	// Embed shows the timeline and its controls only (/embed/{id}).
	Embed bool
	// Cores is the cores field: its default and its bound.
	Cores NumberField
}

// NumberField is a number input's initial value and its bounds.
type NumberField struct {
	Value, Min, Max int
}

// NotFoundPage is the view model of the page shown for an unknown URL.
type NotFoundPage struct {
	Head     Head
	Header   Header
	Heading  string
	Message  string
	HomeText string // text of the link back to HomeURL in Header
}

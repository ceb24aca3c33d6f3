package server

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/gilscope/gilscope/examples"
	"github.com/gilscope/gilscope/vm/machine"
	"github.com/gilscope/gilscope/vm/trace"
)

// exampleEvents returns the events of the gallery's example id, simulated.
func exampleEvents(t testing.TB, id string) []machine.Event {
	t.Helper()
	for _, e := range examples.All() {
		if wl := e.Workload; e.ID == id {
			res, err := machine.Run(programFile, []byte(wl.Source), machine.Options{Model: wl.Model, Cores: wl.Cores,
				Seed: wl.Seed, SwitchInterval: wl.SwitchInterval, MaxTime: wl.MaxTime, RecordEvents: true},
				new(nopWriter), new(nopWriter))
			if err != nil {
				t.Fatal(err)
			}
			return res.Events
		}
	}
	t.Fatalf("no example %s", id)
	return nil
}

// TestMarshalEvents checks that an events message cut from encoded events
// is what marshal makes of the message holding them, in one run of encoded
// events or two, whole or in part.
func TestMarshalEvents(t *testing.T) {
	events := coalesce(exampleEvents(t, "refcount_race"), 1000)
	h := newHeader("events", 3)
	for _, c := range []struct{ from, to, split int }{
		{0, len(events), len(events)},
		{0, 0, 0},
		{5, 5, 2},
		{0, len(events), 17},
		{3, 40, 17},
		{17, 18, 17},
		{16, 17, 17},
	} {
		es := append(encodeEvents(events[:c.split]), encodeEvents(events[c.split:])...)
		got := marshalEvents(h, 10, 20, es, c.from, c.to)
		want := marshal(eventsMessage{header: h, T0: 10, T1: 20, Events: events[c.from:c.to]})
		if !bytes.Equal(got, want) {
			t.Errorf("events [%d, %d) split at %d:\n got %.200s\nwant %.200s", c.from, c.to, c.split, got, want)
		}
	}
}

// TestSharedEventsAsOwn checks that sessions reading a growing log at one
// resolution, each cutting its messages where it happens to, send from the
// shared encoding what each would have coalesced and encoded itself.
func TestSharedEventsAsOwn(t *testing.T) {
	all := exampleEvents(t, "refcount_race") // dense: thousands of refcount changes
	end := all[len(all)-1].T + 1
	for _, res := range []float64{7, 1000, 33_333} {
		v := &sharedEvents{res: res, enc: newEncoder(0)}
		steps := []int{1, 3, 10, 2} // the log grows by batches; reader k sends every steps[k] batches
		sentTo := make([]trace.Time, len(steps))
		const batch = 97
		var log eventLog // grows as a run log does, chunk by chunk
		for b, k := 1, 0; k < len(all); b++ {
			log.append(all[k:min(b*batch, len(all))])
			k = log.Len()
			sn := runSnapshot{events: log, done: k == len(all)}
			sn.upTo = end
			if !sn.done {
				sn.upTo = all[k].T
			}
			for r, step := range steps {
				if b%step != 0 && !sn.done {
					continue
				}
				t0, t1 := sentTo[r], sn.upTo
				if r == len(steps)-1 && !sn.done { // the last reader lags behind the simulation
					t1 = t0 + (t1-t0)/2
				}
				if t1 <= t0 {
					continue
				}
				h := newHeader("events", r+1)
				got := marshalEvents(h, t0, t1, v.eventsShared(sn, t0, t1), 0, maxEventsPerMessage)
				want := marshal(eventsMessage{header: h, T0: t0, T1: t1, Events: coalesceRange(sn.events, t0, t1, res, true)})
				if !bytes.Equal(got, want) {
					t.Fatalf("resolution %g, reader %d, [%d, %d) of %d events:\n got %.300s\nwant %.300s", res, r, t0, t1, k, got, want)
				}
				sentTo[r] = t1
			}
		}
	}
}

// TestWSReadersShareEvents runs sessions of one workload side by side, so
// that they read one log through the encoding they share: each gets events
// messages that tile the run and end every resource in its final state.
func TestWSReadersShareEvents(t *testing.T) {
	s, _ := newTestServer(t)
	hs := httptest.NewServer(s.Handler())
	t.Cleanup(hs.Close)
	var wl map[string]any
	for _, e := range examples.All() {
		if e.ID == "refcount_race" {
			b, _ := json.Marshal(e.Workload)
			json.Unmarshal(b, &wl)
		}
	}
	want := finalStates(exampleEvents(t, "refcount_race"))
	clients := make([]*wsClient, 3)
	for i := range clients {
		clients[i] = dialWS(t, hs)
	}
	for _, c := range clients {
		c.send(map[string]any{"type": "run", "workload": wl, "speed": 0, "resolution": 1000})
	}
	got := make([][]received, len(clients))
	for i, c := range clients { // one after another: the others wait on their send queues
		end, before := c.until("end", 1)
		for m := before[len(before)-1]; m.Type != "position" || m.T <= end.Summary.EndTime; {
			m = c.read()
			before = append(before, m)
		}
		got[i] = before
	}
	for i, msgs := range got {
		checkTiling(t, msgs, 1)
		var evs []machine.Event
		for _, m := range msgs {
			if m.Type != "events" {
				continue
			}
			for _, raw := range m.Events {
				var e machine.Event
				json.Unmarshal(raw, &e)
				evs = append(evs, e)
			}
		}
		if f := finalStates(evs); !reflect.DeepEqual(f, want) {
			t.Errorf("session %d: %d resources end as the run ends them, of %d", i, len(f), len(want))
		}
	}
}

// TestEncodeEventsEscapes checks that encoded events escape what
// json.Marshal escapes in a Marshaler's output (<, >, &, U+2028 and
// U+2029) and nothing else: names and output hold any text.
func TestEncodeEventsEscapes(t *testing.T) {
	src := "import threading\n" +
		"def f():\n    print('<b> & \u2028 \u2029 é \" \\\\ \\t')\n" +
		"t = threading.Thread(target=f, name='<t&\u2028>')\nt.start()\nt.join()\n"
	res, err := machine.Run(programFile, []byte(src), machine.Options{RecordEvents: true}, new(nopWriter), new(nopWriter))
	if err != nil {
		t.Fatal(err)
	}
	events := coalesce(res.Events, 0)
	got := marshalEvents(newHeader("events", 1), 0, 1, encodeEvents(events), 0, len(events))
	want := marshal(eventsMessage{header: newHeader("events", 1), T0: 0, T1: 1, Events: events})
	if !bytes.Equal(got, want) {
		t.Errorf("got %s\nwant %s", got, want)
	}
	for _, s := range []string{`\u003ct\u0026\u2028\u003e`, `\u003cb\u003e \u0026 \u2028 \u2029 é \" \\ \t`} {
		if !bytes.Contains(got, []byte(s)) {
			t.Errorf("the message lacks %s:\n%s", s, got)
		}
	}
}

// BenchmarkEncodeEvents encodes the coalesced events of the gallery's
// heaviest example as the shared encoding does (encoder), and, for
// comparison, through a json.Encoder one by one, as it did before.
func BenchmarkEncodeEvents(b *testing.B) {
	events := coalesce(exampleEvents(b, "old_gil_27"), loadResolution)
	b.Run("encoder", func(b *testing.B) {
		for b.Loop() {
			encodeEvents(events)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(events)), "ns/event")
	})
	b.Run("json.Encoder", func(b *testing.B) {
		for b.Loop() {
			var buf []byte
			var one bytes.Buffer
			enc := json.NewEncoder(&one)
			for i := range events {
				one.Reset()
				if err := enc.Encode(&events[i]); err != nil {
					b.Fatal(err)
				}
				buf = append(buf, one.Bytes()...)
				buf[len(buf)-1] = ','
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(events)), "ns/event")
	})
}

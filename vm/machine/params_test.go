package machine

import (
	"math"
	"strings"
	"testing"
)

func TestOptionsValidate(t *testing.T) {
	tests := []struct {
		desc  string
		opts  Options
		param string // "" when valid
		limit bool
	}{
		{"defaults", Options{}, "", false},
		{"every bound", Options{Model: "cpython-2.7", Cores: MaxCores, SwitchInterval: MaxSwitchInterval, MaxTime: MaxSimulatedTime}, "", false},
		{"unknown model", Options{Model: "cpython-1.0"}, "model", false},
		{"no cores", Options{Cores: -1}, "cores", false},
		{"too many cores", Options{Cores: MaxCores + 1}, "cores", false},
		{"negative interval", Options{SwitchInterval: -0.001}, "switch_interval", false},
		{"NaN interval", Options{SwitchInterval: math.NaN()}, "switch_interval", false},
		{"long interval", Options{SwitchInterval: MaxSwitchInterval + 1}, "switch_interval", false},
		{"too long a run", Options{MaxTime: MaxSimulatedTime + 1}, "max_time", true},
		{"infinite run", Options{MaxTime: math.Inf(1)}, "max_time", true},
		{"negative time slice", Options{TimeSlice: -1}, "time_slice", false},
		{"NaN wake latency", Options{WakeLatency: math.NaN()}, "wake_latency", false},
		{"negative memory", Options{MaxMemory: -1}, "max_memory", false},
		{"backward window", Options{Instructions: [2]float64{0.2, 0.1}}, "instructions", false},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			o := tt.opts
			err := o.Validate()
			if tt.param == "" {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				if o.Model == "" || o.Cores == 0 {
					t.Errorf("defaults not filled in: model %q, cores %d", o.Model, o.Cores)
				}
				return
			}
			pe, ok := err.(*ParamError)
			if !ok {
				t.Fatalf("Validate = %v, want a ParamError for %s", err, tt.param)
			}
			if pe.Param != tt.param || pe.Limit != tt.limit || !strings.Contains(pe.Msg, strings.SplitN(tt.param, "_", 2)[0]) {
				t.Errorf("got %+v, want param %s (limit %v) named in the message", pe, tt.param, tt.limit)
			}
		})
	}
	if o := (Options{}); o.Validate() == nil && (o.Model != DefaultModel || o.Cores != DefaultCores) {
		t.Errorf("defaults: model %q, cores %d", o.Model, o.Cores)
	}
}

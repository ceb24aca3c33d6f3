package machine

import (
	"reflect"
	"testing"
)

// Every measured calibration holds every blocking call, and the costs the machine
// derives from them are positive.
func TestCalibrationsHaveBlocking(t *testing.T) {
	for name, c := range calibrations {
		v := reflect.ValueOf(c.Blocking)
		for i := 0; i < v.NumField(); i++ {
			if v.Field(i).Float() <= 0 {
				t.Errorf("%s: Blocking.%s = %g", name, v.Type().Field(i).Name, v.Field(i).Float())
			}
		}
		k := c.Blocking.costs()
		if k.sockCall <= 0 || k.fsRead <= 0 || k.fsWrite <= 0 || k.selectZero <= 0 {
			t.Errorf("%s: derived blocking costs %+v", name, k)
		}
	}
}

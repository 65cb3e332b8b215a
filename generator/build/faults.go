package build

import (
	"os"
	"syscall"

	"chronicle/generator/halt"
)

// KillAtEnv names a moment of the build (one of KillPoints) at which the
// process kills itself with SIGKILL, as a power cut or the OOM killer
// would. Only the fault-injection test sets it; it proves that a build
// stopped at any of these moments loses nothing (docs/RELIABILITY.md).
const KillAtEnv = "CHRONICLE_TEST_KILL_AT"

// SignalAtEnv names a moment of the build (one of KillPoints) at which the
// process sends itself SIGTERM, as a user's kill or Ctrl-C would, and goes
// on once its handler has begun to stop the build. Only the signal tests
// set it, to stop a build at a moment of their choosing, before the swap
// or after it.
const SignalAtEnv = "CHRONICLE_TEST_SIGNAL_AT"

// TwoStepsEnv, set to 1, makes the build publish with two renames, as on a
// system without an atomic exchange, so that a test can stop it between
// them.
const TwoStepsEnv = "CHRONICLE_TEST_TWO_STEP_SWAP"

// KillPoints are the moments KillAtEnv can name, in the order a build
// passes them.
var KillPoints = []string{"import", "annotate", "write", "package", "render", "minify", "before-swap", "between-renames", "after-swap"}

var (
	killAt        = os.Getenv(KillAtEnv)
	signalAt      = os.Getenv(SignalAtEnv)
	forceTwoSteps = os.Getenv(TwoStepsEnv) == "1"
)

// faultPoint kills the process when KillAtEnv names this moment, and
// signals it when SignalAtEnv does.
func faultPoint(name string) {
	if killAt == name {
		syscall.Kill(os.Getpid(), syscall.SIGKILL)
		select {} // the signal is on its way
	}
	if signalAt == name {
		syscall.Kill(os.Getpid(), syscall.SIGTERM)
		halt.Wait()
	}
}

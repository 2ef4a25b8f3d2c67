package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/triptych/triptych"
)

// debounce is how long watch waits after the last change before building,
// so that an editor's save (often several writes and a rename) builds once.
const debounce = 300 * time.Millisecond

func newWatchCommand() *cobra.Command {
	build := newBuildCommand()
	build.SilenceUsage, build.SilenceErrors = true, true
	cmd := &cobra.Command{
		Use:   "watch [PATH|DIR ...]",
		Short: "Rebuild articles when they change",
		Long: `watch builds the given articles or folders once, then rebuilds whatever
changes when a file is saved, until interrupted. It takes the same flags as
build; only changed articles are rebuilt.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{fmt.Errorf("name the files or folders to watch")}
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			w, err := fsnotify.NewWatcher()
			if err != nil {
				return err
			}
			defer w.Close()
			for _, a := range args {
				if err := watchTree(w, a); err != nil {
					return err
				}
			}
			run := func() {
				build.SetArgs(append(args, flagArgs(cmd)...))
				if err := build.ExecuteContext(ctx); err != nil && err != errSomeFailed {
					fmt.Fprintln(cmd.ErrOrStderr(), "triptych:", err)
				}
			}
			run()
			timer := time.NewTimer(time.Hour)
			timer.Stop()
			for {
				select {
				case <-ctx.Done():
					return nil
				case ev, ok := <-w.Events:
					if !ok {
						return nil
					}
					if ev.Has(fsnotify.Create) {
						if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
							watchTree(w, ev.Name)
						}
					}
					if triptych.IsArticleFile(ev.Name) {
						timer.Reset(debounce)
					}
				case err := <-w.Errors:
					fmt.Fprintln(cmd.ErrOrStderr(), "watch:", err)
				case <-timer.C:
					run()
				}
			}
		},
	}
	cmd.Flags().AddFlagSet(build.Flags())
	return cmd
}

// flagArgs returns the flags given to watch, to pass on to build.
func flagArgs(cmd *cobra.Command) []string {
	var out []string
	cmd.Flags().Visit(func(f *pflag.Flag) {
		out = append(out, "--"+f.Name+"="+f.Value.String())
	})
	return out
}

// watchTree watches a file's folder, or a folder and its subfolders.
func watchTree(w *fsnotify.Watcher, root string) error {
	info, err := os.Stat(root)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return w.Add(filepath.Dir(root))
	}
	return filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return w.Add(p)
		}
		return nil
	})
}

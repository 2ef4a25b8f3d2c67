package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/spf13/cobra"
	"github.com/triptych/triptych"
)

// debounce is how long watch waits after the last change before building,
// so that an editor's save (often several writes and a rename) builds once.
const debounce = 300 * time.Millisecond

func newWatchCommand() *cobra.Command {
	var flags *buildFlags
	cmd := &cobra.Command{
		Use:   "watch [PATH|DIR ...]",
		Short: "Rebuild articles when they change",
		Long: `watch builds the given articles or folders once, then rebuilds whatever
changes when a file is saved, until interrupted. It takes the same flags as
build; only changed articles are rebuilt. Changes inside the output folder
are ignored.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{fmt.Errorf("name the files or folders to watch")}
			}
			// The options are read and checked once; every rebuild uses
			// the same value.
			opts, err := flags.options(cmd, args)
			if err != nil {
				return err
			}
			ctx, stop := withInterrupts(cmd.Context(), cmd.ErrOrStderr(), false)
			defer stop()
			w, err := fsnotify.NewWatcher()
			if err != nil {
				return err
			}
			defer w.Close()
			outAbs, _ := filepath.Abs(opts.OutDir)
			for _, a := range args {
				if err := watchTree(w, a, outAbs); err != nil {
					return err
				}
			}
			run := func() {
				if _, err := runBuild(ctx, cmd, opts, flags.asJSON); err != nil {
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
					if abs, err := filepath.Abs(ev.Name); err == nil && inside(outAbs, abs) {
						continue
					}
					if ev.Has(fsnotify.Create) {
						if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
							watchTree(w, ev.Name, outAbs)
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
	flags = addBuildFlags(cmd.Flags())
	return cmd
}

// inside reports whether p is dir or below it.
func inside(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !filepath.IsAbs(rel) && (len(rel) < 3 || rel[:3] != ".."+string(filepath.Separator))
}

// watchTree watches a file's folder, or a folder and its subfolders,
// except the output folder.
func watchTree(w *fsnotify.Watcher, root, outAbs string) error {
	info, err := os.Stat(root)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return w.Add(filepath.Dir(root))
	}
	return filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil // an unreadable folder is reported by the build
		}
		if !d.IsDir() {
			return nil
		}
		if abs, err := filepath.Abs(p); err == nil && inside(outAbs, abs) {
			return filepath.SkipDir
		}
		return w.Add(p)
	})
}

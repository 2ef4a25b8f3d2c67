package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/triptych/triptych"
	"github.com/triptych/triptych/render"
	"github.com/triptych/triptych/serve"
)

// defaultServeAddr keeps the preview on this machine unless asked.
const defaultServeAddr = "127.0.0.1:8080"

// shutdownGrace is how long a stopping server waits for requests in
// flight (a render takes well under a second).
const shutdownGrace = 5 * time.Second

// serveFlags are serve's own flags: the infographic and handout options
// of a build, the output folder and the address.
type serveFlags struct {
	output, addr, formats string
	render                render.Options
	fontFiles             []string
}

func newServeCommand() *cobra.Command {
	f := &serveFlags{}
	cmd := &cobra.Command{
		Use:   "serve [PATH|DIR]",
		Short: "Preview the PNG, PDF and XLSX of articles in a browser, live",
		Long: `serve builds the given article or folder like build, then serves a local
page that shows each article's infographic, handout and spreadsheet side by
side, and refreshes it when a source file is saved. The size, theme and
scale selectors render previews in memory: the output folder is never
changed after the first build.

The page is served on 127.0.0.1 (this machine only) unless --addr names
another address.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageError{fmt.Errorf("serve takes one file or folder, got %d", len(args))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runServe(cmd, f, args)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.output, "output", "o", "dist", "output folder of the first build")
	fl.StringVar(&f.addr, "addr", defaultServeAddr, "address to serve on (host:port); another host than 127.0.0.1 is reachable from other machines")
	fl.StringVar(&f.formats, "formats", "png,pdf,xlsx", "formats to build: png, pdf, xlsx, csv")
	fl.StringVar(&f.render.Theme, "theme", "light", "infographic theme: light or dark")
	fl.StringVar(&f.render.Size, "size", "poster", "infographic size: poster, og, square, portrait, pinterest, a4")
	fl.IntVar(&f.render.Scale, "scale", 1, "infographic pixel scale: 1, 2 or 3")
	fl.StringVar(&f.render.Paper, "paper", "a4", "handout paper: a4 or letter")
	fl.StringSliceVar(&f.render.Accents, "accents", nil, "subject colours, e.g. \"#1f6feb,#d9480f\"")
	fl.StringArrayVar(&f.fontFiles, "font", nil, "a TrueType font (.ttf) for characters the embedded fonts lack; repeat for more")
	return cmd
}

// runServe builds once, then serves until SIGINT or SIGTERM, when it
// stops accepting requests, ends the event streams and lets requests in
// flight finish.
func runServe(cmd *cobra.Command, f *serveFlags, args []string) error {
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	formats, err := render.ParseFormats(f.formats)
	if err != nil {
		return usageError{err}
	}
	f.render.Version = triptych.Version
	if f.render.Fonts, err = triptych.LoadFonts(f.fontFiles); err != nil {
		return usageError{err}
	}
	if err := triptych.CheckRenderOptions(f.render); err != nil {
		return usageError{err}
	}
	loopback, err := loopbackAddr(f.addr)
	if err != nil {
		return usageError{err}
	}
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	opts := triptych.Options{Sources: args, OutDir: f.output, Formats: formats, Render: f.render}
	rep, err := triptych.Build(ctx, opts)
	if err != nil {
		return err
	}
	for _, a := range rep.Articles {
		if a.Status == "failed" {
			fmt.Fprintln(stderr, a.Error)
		}
	}
	fmt.Fprintln(stderr, rep.Summary())
	if ctx.Err() != nil {
		return nil // stopped during the build
	}

	srv, err := serve.New(serve.Config{Sources: args, OutDir: f.output, Formats: formats, Render: f.render,
		Reports: rep.Articles, LocalOnly: loopback, Log: stderr})
	if err != nil {
		return err
	}
	defer srv.Close()
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return listenError(f.addr, err)
	}
	if !loopback {
		fmt.Fprintf(stderr, "warning: %s can be reached from other machines: anyone who can connect can read these articles and their files. Leave out --addr to serve on 127.0.0.1 only.\n", f.addr)
	}
	fmt.Fprintf(stdout, "Serving %d article(s) at http://%s/ (Ctrl-C to stop)\n", len(rep.Articles), ln.Addr())
	return serveUntilDone(ctx, srv, ln, stderr)
}

// serveUntilDone serves and watches until ctx ends, then shuts down.
func serveUntilDone(ctx context.Context, srv *serve.Server, ln net.Listener, stderr io.Writer) error {
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	// Event streams never end on their own; closing the server's hub
	// ends them so that Shutdown does not wait for them.
	hs.RegisterOnShutdown(func() { srv.Close() })
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	go func() {
		if err := srv.Watch(watchCtx); err != nil {
			fmt.Fprintln(stderr, "triptych:", err, "(pages will not refresh on save)")
		}
	}()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(stderr, "\ntriptych: stopping the preview server")
	shutCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := hs.Shutdown(shutCtx); err != nil {
		return fmt.Errorf("the preview server did not stop cleanly: %w", err)
	}
	return nil
}

// loopbackAddr checks an address and reports whether it keeps the
// server on this machine. An empty host (":8080") means every interface.
func loopbackAddr(addr string) (bool, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil || port == "" {
		return false, fmt.Errorf("--addr %q: write host:port, e.g. %s", addr, defaultServeAddr)
	}
	if host == "localhost" {
		return true, nil
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback(), nil
}

// listenError words the usual reasons a port cannot be opened.
func listenError(addr string, err error) error {
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		return fmt.Errorf("%s is already in use by another program: choose another port with --addr", addr)
	case errors.Is(err, syscall.EACCES):
		return fmt.Errorf("%s: not allowed to listen on this port (ports below 1024 need special rights): choose another with --addr", addr)
	}
	return fmt.Errorf("cannot serve on %s: %w", addr, err)
}

// Package watchcmd implements `newstrace watch`: crawl like `newstrace
// crawl`, trace each new article, and emit an event to a webhook or a JSON
// Lines file whenever an article of a watched source reappears on another
// site.
package watchcmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/cli/crawlcmd"
	"github.com/newstrace/newstrace/internal/cli/factory"
	"github.com/newstrace/newstrace/internal/cli/lexiconcmd"
	"github.com/newstrace/newstrace/internal/crawl"
	"github.com/newstrace/newstrace/internal/crawl/archive"
	"github.com/newstrace/newstrace/internal/lang"
	"github.com/newstrace/newstrace/internal/provenance"
	"github.com/newstrace/newstrace/internal/registry"
	"github.com/newstrace/newstrace/internal/store"
	"github.com/newstrace/newstrace/internal/watch"
)

// Options are the watch command's inputs.
type Options struct {
	F *factory.Factory
	// Sources are the watched sources as given: domains or registry
	// names.
	Sources []string
	// Registry lists user registry files merged over the embedded one,
	// after DATA/registry.json when that exists.
	Registry []string
	Webhook  string
	Out      string
	// SyncEvery is the file sink's sync interval (0: every line).
	SyncEvery time.Duration

	// FromStore scans the stored articles once instead of crawling;
	// Since restricts it to those published on or after a date.
	FromStore bool
	Since     string

	OPML     string
	Feeds    []string
	Sitemaps []string
	URLs     []string
	Every    time.Duration

	Contact               string
	AllowPrivateAddresses bool
	MaxPerHost            int
	Delay                 time.Duration
	Workers               int

	// Crawl is the base of the fetcher's options, which the flags
	// override; tests set timeouts and dial hooks here.
	Crawl crawl.Options
	// WebhookOptions is the base of the webhook sink's options; tests
	// shorten its waits here.
	WebhookOptions watch.WebhookOptions
}

// NewCmd returns the watch command. Tests may pass runF to capture the
// options instead of running.
func NewCmd(f *factory.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "watch --source S [--source S...] (--webhook URL | --out FILE) [--from-store | --opml FILE | --feed URL | --sitemap URL | URL...]",
		Short: "Emit an event when a watched source's article reappears on another site",
		Long: `Watch crawls as 'newstrace crawl' does — feeds, sitemaps and pages, politely,
archived to WARC — traces each new article, and emits an event when an article
of a watched source reappears on another site: copied, edited or translated.

A source is a domain, subdomains included (--source rt.com), or an outlet of
the source registry by name, alias or ID (--source RT); a domain the registry
knows brings the outlet's other domains along. An article is a reappearance of
a source when it is on another site and its origin, as the trace resolves it,
is the source's article; or, when that article is not stored, when its title
ends with the source's name, or it links to the source as its source.

Each event is a JSON object with the article, its origin, the verdict, score,
coverage and lag, the aligned passages, the other signals and the source's
registry label. --webhook POSTs it (application/json; retried on 429 and 5xx,
as Retry-After says; queued, so a slow receiver never stalls the crawl, and
dropped with a warning when the queue is full). --out appends it to a JSON
Lines file, synced to disk on every line unless --sync-every says otherwise.
Both may be given. Standard output gets one line per event.

--from-store traces the articles already stored, once, instead of crawling:
for backfills. The watch's crawl state is DATA/watch/state.json, apart from
the crawl command's, so that pages 'newstrace crawl' stored are still looked
at once by the watch.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.URLs = args
			if len(opts.Sources) == 0 {
				return errors.New("watch: give at least one --source (a domain such as rt.com, or an outlet name such as RT)")
			}
			if opts.Webhook == "" && opts.Out == "" {
				return errors.New("watch: give --webhook URL or --out FILE (or both) to receive the events")
			}
			seeded := opts.OPML != "" || len(opts.Feeds) > 0 || len(opts.Sitemaps) > 0 || len(opts.URLs) > 0
			switch {
			case opts.FromStore && seeded:
				return errors.New("watch: --from-store scans the store and crawls nothing: give it no --opml, --feed, --sitemap or URLs")
			case !opts.FromStore && !seeded:
				return errors.New("watch: nothing to crawl: give --opml, --feed, --sitemap or URLs, or --from-store")
			case !opts.FromStore && opts.Contact == "":
				opts.Contact = os.Getenv(crawlcmd.ContactEnv)
				if opts.Contact == "" {
					return fmt.Errorf("watch: --contact URL is required (or $%s): site operators must be able to reach whoever crawls them", crawlcmd.ContactEnv)
				}
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return Run(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringArrayVar(&opts.Sources, "source", nil, "watched source: a domain (rt.com) or a registry outlet name (RT) (repeatable)")
	fl.StringArrayVar(&opts.Registry, "registry", nil, "source registry `FILE` merged over the embedded one (repeatable)")
	fl.StringVar(&opts.Webhook, "webhook", "", "POST each event as JSON to this `URL`")
	fl.StringVar(&opts.Out, "out", "", "append each event as a JSON line to `FILE`")
	fl.DurationVar(&opts.SyncEvery, "sync-every", 0, "sync --out to disk at most this often instead of after every line")
	fl.BoolVar(&opts.FromStore, "from-store", false, "trace the stored articles once instead of crawling")
	fl.StringVar(&opts.Since, "since", "", "with --from-store, only articles published on or after `DATE`")
	fl.StringVar(&opts.OPML, "opml", "", "OPML file of feeds")
	fl.StringArrayVar(&opts.Feeds, "feed", nil, "feed URL (repeatable)")
	fl.StringArrayVar(&opts.Sitemaps, "sitemap", nil, "sitemap or sitemap index URL (repeatable)")
	fl.DurationVar(&opts.Every, "every", 0, "crawl again at this interval until interrupted (e.g. 10m)")
	fl.StringVar(&opts.Contact, "contact", "", "URL or mailto: where site operators can reach you, sent in the User-Agent; env "+crawlcmd.ContactEnv)
	fl.BoolVar(&opts.AllowPrivateAddresses, "allow-private-addresses", false, "allow fetching from loopback, private and link-local addresses")
	fl.IntVar(&opts.MaxPerHost, "max-per-host", crawl.DefaultMaxPerHost, "requests in flight per host")
	fl.DurationVar(&opts.Delay, "delay", crawl.DefaultDelay, "least time between requests to one host (robots.txt Crawl-delay may raise it)")
	fl.IntVar(&opts.Workers, "workers", crawl.DefaultWorkers, "fetches in flight over all hosts")
	return cmd
}

// StatePath is where the watch's crawl state lives in the data directory.
func StatePath(f *factory.Factory) string { return filepath.Join(f.DataDir, "watch", "state.json") }

// Run watches until done (one crawl round, or one scan of the store) or
// interrupted (with --every).
func Run(ctx context.Context, opts *Options) error {
	f := opts.F
	reg, err := registry.LoadData(f.DataDir, opts.Registry...)
	if err != nil {
		return err
	}
	sources, err := watch.ParseSources(opts.Sources, reg)
	if err != nil {
		return err
	}
	var since time.Time
	if opts.Since != "" {
		if since, err = parseSince(opts.Since); err != nil {
			return err
		}
	}
	em, err := openEmitter(opts)
	if err != nil {
		return err
	}
	st, err := f.OpenStore(ctx)
	if err != nil {
		return errors.Join(err, em.close())
	}
	defer st.Close()
	lex, err := lexiconcmd.LoadFor(ctx, f, st)
	if err != nil {
		return errors.Join(err, em.close())
	}
	tracer, err := provenance.NewTracer(ctx, st, provenance.Options{Lexicon: lex, Registry: reg, Artifacts: true})
	if err != nil {
		return errors.Join(err, em.close())
	}
	w := watch.New(sources, watch.Options{})
	if opts.FromStore {
		err = scan(ctx, f, st, tracer, w, em, store.Query{}.WithSince(since))
	} else {
		err = watchCrawl(ctx, opts, st, tracer, provenance.NewSketcherWithLexicon(lex), w, em)
	}
	return errors.Join(err, em.close())
}

// scan traces every stored article once and emits its reappearances.
func scan(ctx context.Context, f *factory.Factory, st store.Store, tracer *provenance.Tracer, w *watch.Watcher, em *emitter, q store.Query) error {
	n := 0
	err := st.List(ctx, q, func(a *article.Article) error {
		rep, err := tracer.Trace(ctx, a)
		if err != nil {
			return fmt.Errorf("watch: trace %s: %w", a.ID, err)
		}
		n++
		// Every article is visited, so the copies of a source's
		// article need no second trace.
		evs, err := w.Observe(ctx, nil, rep, a)
		if err != nil {
			return err
		}
		em.emit(ctx, evs)
		return nil
	})
	if err != nil {
		return fmt.Errorf("watch: scan store: %w", err)
	}
	f.Logger.Info("Store scanned", slog.Int("articles", n), slog.Int("events", em.count()))
	return nil
}

// watchCrawl runs crawl rounds as the crawl command does, with the watch
// in the per-article handler.
func watchCrawl(ctx context.Context, opts *Options, st store.Store, tracer *provenance.Tracer, sk *provenance.Sketcher, w *watch.Watcher, em *emitter) error {
	f := opts.F
	seeds := crawl.Seeds{Feeds: opts.Feeds, Sitemaps: opts.Sitemaps, URLs: opts.URLs}
	if opts.OPML != "" {
		feeds, err := crawlcmd.ReadOPML(opts.OPML)
		if err != nil {
			return err
		}
		seeds.Feeds = append(seeds.Feeds, feeds...)
	}
	statePath := StatePath(f)
	if err := os.MkdirAll(filepath.Dir(statePath), 0o755); err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	state, err := crawl.LoadState(statePath)
	if err != nil {
		return err
	}
	co := opts.Crawl
	co.Version = crawlcmd.Version()
	co.ContactURL = opts.Contact
	co.AllowPrivateAddresses = co.AllowPrivateAddresses || opts.AllowPrivateAddresses
	if opts.MaxPerHost > 0 {
		co.MaxPerHost = opts.MaxPerHost
	}
	if opts.Delay > 0 {
		co.Delay = opts.Delay
	}
	if opts.Workers > 0 {
		co.Workers = opts.Workers
	}
	ua := crawl.NewFetcher(co).UserAgent()
	aw, err := archive.NewWriter(archive.Options{Dir: crawlcmd.ArchiveDir(f), Software: ua})
	if err != nil {
		return err
	}
	defer aw.Close()
	co.Archive = aw
	fetcher := crawl.NewFetcher(co)

	h := &handler{log: f.Logger, st: st, tracer: tracer, w: w, em: em, det: lang.New(), sk: sk}
	crawler := crawl.NewCrawler(fetcher, state)
	crawler.OnError = func(err error) { f.Logger.Warn("Crawl failure", slog.Any("error", err)) }
	names := make([]string, 0, len(w.Sources()))
	for _, s := range w.Sources() {
		names = append(names, s.Name)
	}
	f.Logger.Info("Watching", slog.Any("sources", names), slog.Int("feeds", len(seeds.Feeds)),
		slog.Int("sitemaps", len(seeds.Sitemaps)), slog.Int("urls", len(seeds.URLs)), slog.String("user_agent", ua))

	for round := 1; ; round++ {
		rctx, cancel := context.WithCancel(ctx)
		h.cancel = cancel
		stats, err := crawler.Run(rctx, seeds, h.handle)
		cancel()
		rerr := aw.Rotate()
		serr := state.Save()
		f.Logger.Info("Watch round done", slog.Int("round", round), slog.Int("discovered", stats.Discovered),
			slog.Int("pages", stats.Pages), slog.Int("not_modified", stats.NotModified),
			slog.Int("errors", stats.Errors), slog.Int("events", em.count()))
		if ferr := h.fatalErr(); ferr != nil {
			return ferr
		}
		if err := errors.Join(rerr, serr); err != nil {
			return err
		}
		if err != nil && ctx.Err() == nil {
			return err
		}
		// An interrupt ends a watch normally; the state is saved.
		if !crawlcmd.NextRound(ctx, opts.Every) {
			return nil
		}
	}
}

// handler ingests, stores and traces each fetched page, as the crawl
// command does, then has the watcher look at the report.
type handler struct {
	log    *slog.Logger
	st     store.Store
	tracer *provenance.Tracer
	w      *watch.Watcher
	em     *emitter
	det    *lang.Detector
	sk     *provenance.Sketcher
	cancel func()

	// mu serialises store writes and traces, so that each trace sees
	// every article stored before it.
	mu    sync.Mutex
	fatal error
}

func (h *handler) handle(ctx context.Context, p *crawl.Page) error {
	a, err := crawlcmd.PageArticle(p, h.det)
	if err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	sketches := h.sk.Sketches(a)

	h.mu.Lock()
	defer h.mu.Unlock()
	id, created, err := h.st.Put(ctx, a, sketches)
	if err != nil {
		if h.fatal == nil && ctx.Err() == nil {
			h.fatal = fmt.Errorf("watch: store %s: %w", p.FinalURL, err)
			h.cancel()
		}
		return nil
	}
	if created {
		h.tracer.Add(id, sketches)
	} else if a, err = h.st.Get(ctx, id); err != nil {
		// Stored by an earlier crawl: the watch looks at it once all
		// the same, as the stored article.
		return fmt.Errorf("watch: %s: %w", p.FinalURL, err)
	}
	rep, err := h.tracer.TraceID(ctx, id)
	if err != nil {
		return fmt.Errorf("watch: trace %s: %w", p.FinalURL, err)
	}
	if err := provenance.Save(ctx, h.st, rep); err != nil {
		return fmt.Errorf("watch: %s: %w", p.FinalURL, err)
	}
	evs, err := h.w.Observe(ctx, h.tracer, rep, a)
	h.em.emit(ctx, evs)
	return err
}

func (h *handler) fatalErr() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.fatal
}

// emitter hands events to the sinks, prints one line per event and logs
// what failed.
type emitter struct {
	log     *slog.Logger
	out     io.Writer
	sink    watch.Sink
	webhook *watch.Webhook

	mu sync.Mutex
	n  int
}

func openEmitter(opts *Options) (*emitter, error) {
	f := opts.F
	em := &emitter{log: f.Logger, out: f.IO.Out}
	var sinks []watch.Sink
	if opts.Out != "" {
		fs, err := watch.OpenFile(opts.Out, watch.FileOptions{SyncEvery: opts.SyncEvery})
		if err != nil {
			return nil, err
		}
		sinks = append(sinks, fs)
	}
	if opts.Webhook != "" {
		wo := opts.WebhookOptions
		if wo.UserAgent == "" {
			wo.UserAgent = "newstrace-watch/" + crawlcmd.Version()
		}
		wo.OnError = func(err error) { f.Logger.Warn("Webhook delivery failed", slog.Any("error", err)) }
		wh, err := watch.NewWebhook(opts.Webhook, wo)
		if err != nil {
			return nil, errors.Join(err, watch.Multi(sinks...).Close())
		}
		em.webhook = wh
		sinks = append(sinks, wh)
	}
	em.sink = watch.Multi(sinks...)
	return em, nil
}

func (em *emitter) emit(ctx context.Context, evs []watch.Event) {
	em.mu.Lock()
	defer em.mu.Unlock()
	for _, e := range evs {
		em.n++
		origin := "-"
		if e.Origin != nil {
			origin = e.Origin.URL
		}
		em.log.Info("Reappearance", slog.String("source", e.Source), slog.String("basis", e.Basis),
			slog.String("url", e.Article.URL), slog.String("verdict", e.Verdict), slog.String("origin", origin))
		fmt.Fprintf(em.out, "%s\t%s\t%s\t%s\t%s\n", e.Time.Format(time.RFC3339), e.Source, e.Verdict, e.Article.URL, origin)
		if err := em.sink.Emit(ctx, e); err != nil {
			em.log.Warn("Event not emitted", slog.String("url", e.Article.URL), slog.Any("error", err))
		}
	}
}

func (em *emitter) count() int {
	em.mu.Lock()
	defer em.mu.Unlock()
	return em.n
}

// close closes the sinks, waiting for the webhook's queue within its
// bound, and logs the webhook's counts.
func (em *emitter) close() error {
	err := em.sink.Close()
	if em.webhook != nil {
		s := em.webhook.Stats()
		em.log.Info("Webhook done", slog.Int64("delivered", s.Delivered), slog.Int64("failed", s.Failed),
			slog.Int64("dropped", s.Dropped), slog.Int64("retries", s.Retries))
	}
	return err
}

// parseSince accepts a date or an RFC 3339 time.
func parseSince(s string) (time.Time, error) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("watch: --since %q is not a date (YYYY-MM-DD) or RFC 3339 time", s)
}

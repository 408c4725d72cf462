// Package crawlcmd implements `newstrace crawl`: collect articles from
// feeds, sitemaps and URLs, politely, archive what was fetched to WARC,
// and ingest and trace each new article as it arrives.
package crawlcmd

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/cli/factory"
	"github.com/newstrace/newstrace/internal/cli/lexiconcmd"
	"github.com/newstrace/newstrace/internal/crawl"
	"github.com/newstrace/newstrace/internal/crawl/archive"
	"github.com/newstrace/newstrace/internal/ingest"
	"github.com/newstrace/newstrace/internal/ingest/opml"
	"github.com/newstrace/newstrace/internal/ingest/source"
	"github.com/newstrace/newstrace/internal/lang"
	"github.com/newstrace/newstrace/internal/provenance"
	"github.com/newstrace/newstrace/internal/registry"
	"github.com/newstrace/newstrace/internal/store"
)

// ContactEnv names the environment variable that supplies --contact.
const ContactEnv = "NEWSTRACE_CONTACT"

// Options are the crawl command's inputs.
type Options struct {
	F        *factory.Factory
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
	// override; tests set timeouts, retries and dial hooks here.
	Crawl crawl.Options
}

// NewCmd returns the crawl command. Tests may pass runF to capture the
// options instead of running.
func NewCmd(f *factory.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "crawl [--opml FILE | --feed URL | --sitemap URL | URL...]",
		Short: "Collect articles from feeds, sitemaps and pages, then ingest and trace them",
		Long: `Crawl fetches feeds (RSS, Atom, JSON Feed), sitemaps (news sitemaps and
indexes, gzipped too) and pages, and ingests and traces every new article as it
arrives, logging one line per article with its verdict and origin.

It is polite: it honours robots.txt and its Crawl-delay, waits --delay between
requests to one host with at most --max-per-host in flight, asks conditionally
(ETag, Last-Modified), backs off on 429 and 5xx as Retry-After says, and names
itself and --contact in its User-Agent. It refuses loopback, private and
link-local addresses unless --allow-private-addresses is given.

Every response is archived to WARC under DATA/warc, and each article's
provenance points at its record. What was seen is remembered in
DATA/crawl/state.json, so a new run resumes where the last stopped; with
--every the crawl repeats until interrupted.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.URLs = args
			if opts.OPML == "" && len(opts.Feeds) == 0 && len(opts.Sitemaps) == 0 && len(opts.URLs) == 0 {
				return errors.New("crawl: nothing to crawl: give --opml, --feed, --sitemap or URLs")
			}
			if opts.Contact == "" {
				opts.Contact = os.Getenv(ContactEnv)
			}
			if opts.Contact == "" {
				return fmt.Errorf("crawl: --contact URL is required (or $%s): site operators must be able to reach whoever crawls them", ContactEnv)
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return Run(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.OPML, "opml", "", "OPML file of feeds (as Miniflux, FreshRSS or Feedly export)")
	fl.StringArrayVar(&opts.Feeds, "feed", nil, "feed URL (repeatable)")
	fl.StringArrayVar(&opts.Sitemaps, "sitemap", nil, "sitemap or sitemap index URL (repeatable)")
	fl.DurationVar(&opts.Every, "every", 0, "crawl again at this interval until interrupted (e.g. 10m)")
	fl.StringVar(&opts.Contact, "contact", "", "URL or mailto: where site operators can reach you, sent in the User-Agent; env "+ContactEnv)
	fl.BoolVar(&opts.AllowPrivateAddresses, "allow-private-addresses", false, "allow fetching from loopback, private and link-local addresses")
	fl.IntVar(&opts.MaxPerHost, "max-per-host", crawl.DefaultMaxPerHost, "requests in flight per host")
	fl.DurationVar(&opts.Delay, "delay", crawl.DefaultDelay, "least time between requests to one host (robots.txt Crawl-delay may raise it)")
	fl.IntVar(&opts.Workers, "workers", crawl.DefaultWorkers, "fetches in flight over all hosts")
	return cmd
}

// StatePath is where the crawl state lives in the data directory.
func StatePath(f *factory.Factory) string { return filepath.Join(f.DataDir, "crawl", "state.json") }

// ArchiveDir is where WARC files are written in the data directory.
func ArchiveDir(f *factory.Factory) string { return filepath.Join(f.DataDir, "warc") }

// Run crawls until done (one round) or interrupted (with --every).
func Run(ctx context.Context, opts *Options) error {
	f := opts.F
	seeds := crawl.Seeds{Feeds: opts.Feeds, Sitemaps: opts.Sitemaps, URLs: opts.URLs}
	if opts.OPML != "" {
		feeds, err := ReadOPML(opts.OPML)
		if err != nil {
			return err
		}
		seeds.Feeds = append(seeds.Feeds, feeds...)
	}
	st, err := f.OpenStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	lex, err := lexiconcmd.LoadFor(ctx, f, st)
	if err != nil {
		return err
	}
	reg, err := registry.LoadData(f.DataDir)
	if err != nil {
		return err
	}
	tracer, err := provenance.NewTracer(ctx, st, provenance.Options{Lexicon: lex, Registry: reg, Artifacts: true})
	if err != nil {
		return err
	}
	state, err := crawl.LoadState(StatePath(f))
	if err != nil {
		return err
	}
	co := opts.Crawl
	co.Version = Version()
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
	fetcher := crawl.NewFetcher(co)
	aw, err := archive.NewWriter(archive.Options{Dir: ArchiveDir(f), Software: fetcher.UserAgent()})
	if err != nil {
		return err
	}
	defer aw.Close()
	co.Archive = aw
	fetcher = crawl.NewFetcher(co)

	in := &ingester{log: f.Logger, out: f.IO.Out, st: st, tracer: tracer, det: lang.New(), sk: provenance.NewSketcherWithLexicon(lex)}
	crawler := crawl.NewCrawler(fetcher, state)
	crawler.OnError = func(err error) { f.Logger.Warn("Crawl failure", slog.Any("error", err)) }
	f.Logger.Info("Crawling", slog.Int("feeds", len(seeds.Feeds)), slog.Int("sitemaps", len(seeds.Sitemaps)),
		slog.Int("urls", len(seeds.URLs)), slog.String("user_agent", fetcher.UserAgent()))

	for round := 1; ; round++ {
		rctx, cancel := context.WithCancel(ctx)
		in.cancel = cancel
		stats, err := crawler.Run(rctx, seeds, in.handle)
		cancel()
		rerr := aw.Rotate()
		serr := state.Save()
		f.Logger.Info("Crawl round done", slog.Int("round", round), slog.Int("listings", stats.Listings),
			slog.Int("not_modified", stats.NotModified), slog.Int("discovered", stats.Discovered),
			slog.Int("skipped", stats.Skipped), slog.Int("pages", stats.Pages), slog.Int("new", in.created()),
			slog.Int("errors", stats.Errors))
		if ferr := in.fatalErr(); ferr != nil {
			return ferr
		}
		if err := errors.Join(rerr, serr); err != nil {
			return err
		}
		if err != nil && ctx.Err() == nil {
			return err
		}
		// An interrupt ends a crawl normally; the state is saved.
		if !NextRound(ctx, opts.Every) {
			return nil
		}
	}
}

// NextRound waits every before the next round of a repeated crawl and
// reports whether there is one: not when every is zero or the context
// ends first.
func NextRound(ctx context.Context, every time.Duration) bool {
	if ctx.Err() != nil || every <= 0 {
		return false
	}
	t := time.NewTimer(every)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// ingester turns fetched pages into stored, traced articles.
type ingester struct {
	log    *slog.Logger
	out    interface{ Write([]byte) (int, error) }
	st     store.Store
	tracer *provenance.Tracer
	det    *lang.Detector
	sk     *provenance.Sketcher
	cancel func()

	// mu serialises store writes, so that the store's duplicate checks
	// see every earlier article, and the output lines.
	mu    sync.Mutex
	fatal error
	n     int
}

func (in *ingester) handle(ctx context.Context, p *crawl.Page) error {
	a, err := PageArticle(p, in.det)
	if err != nil {
		return fmt.Errorf("crawl: %w", err)
	}
	sketches := in.sk.Sketches(a)

	in.mu.Lock()
	defer in.mu.Unlock()
	id, created, err := in.st.Put(ctx, a, sketches)
	if err != nil {
		if in.fatal == nil && ctx.Err() == nil {
			in.fatal = fmt.Errorf("crawl: store %s: %w", p.FinalURL, err)
			in.cancel()
		}
		return nil
	}
	if !created {
		in.log.Info("Already stored", slog.String("url", p.FinalURL), slog.String("id", id))
		return nil
	}
	in.n++
	in.tracer.Add(id, sketches)
	rep, err := in.tracer.TraceID(ctx, id)
	if err != nil {
		return fmt.Errorf("crawl: trace %s: %w", p.FinalURL, err)
	}
	if err := provenance.Save(ctx, in.st, rep); err != nil {
		return fmt.Errorf("crawl: %s: %w", p.FinalURL, err)
	}
	origin := "-"
	attrs := []any{slog.String("url", p.FinalURL), slog.String("id", id), slog.String("lang", a.Lang),
		slog.String("verdict", string(rep.Verdict))}
	if rep.Origin != nil {
		origin = rep.Origin.URL
		if origin == "" {
			origin = rep.Origin.ID
		}
		attrs = append(attrs, slog.String("origin", origin), slog.Float64("score", rep.Score))
	}
	in.log.Info("New article", attrs...)
	fmt.Fprintf(in.out, "%s\t%s\t%s\t%s\t%s\n", p.FetchedAt.UTC().Format(time.RFC3339), id, rep.Verdict, p.FinalURL, origin)
	return in.backfill(ctx, rep)
}

// backfill traces again the stored articles that rep found to be later
// copies of its article: pages arrive in whatever order their fetches end,
// and a copy stored before its original was traced without it. Their
// stored traces, which network and watch read, then name the original.
func (in *ingester) backfill(ctx context.Context, rep *provenance.Report) error {
	for _, l := range rep.Related {
		if l.Role != provenance.RoleLaterCopy {
			continue
		}
		later, err := in.tracer.TraceID(ctx, l.ID)
		if err != nil {
			return fmt.Errorf("crawl: trace %s again: %w", l.ID, err)
		}
		if err := provenance.Save(ctx, in.st, later); err != nil {
			return fmt.Errorf("crawl: %s: %w", l.ID, err)
		}
		if later.Origin != nil {
			in.log.Info("Traced again", slog.String("id", later.ID), slog.String("url", later.URL),
				slog.String("verdict", string(later.Verdict)), slog.String("origin", cmp.Or(later.Origin.URL, later.Origin.ID)))
		}
	}
	return nil
}

func (in *ingester) created() int {
	in.mu.Lock()
	defer in.mu.Unlock()
	n := in.n
	in.n = 0
	return n
}

func (in *ingester) fatalErr() error {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.fatal
}

// ReadOPML returns the feed URLs of an OPML file, or an error naming it
// when it has none.
func ReadOPML(path string) ([]string, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("crawl: %w", err)
	}
	defer fh.Close()
	doc, err := opml.Parse(fh)
	if err != nil {
		return nil, fmt.Errorf("crawl: %s: %w", path, err)
	}
	var out []string
	for _, fd := range doc.Feeds() {
		out = append(out, fd.URL)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("crawl: %s: no feeds in the OPML file", path)
	}
	return out, nil
}

// Version is the module version the binary was built from, or "dev"; it
// goes into the crawler's User-Agent.
func Version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// PageArticle extracts and prepares the article of a fetched page, with
// its provenance pointing at the WARC record the page was archived in, and
// the feed's or sitemap's title and date where the page lacks them. A page
// dated by nothing is dated by its fetch, marked first seen.
func PageArticle(p *crawl.Page, det *lang.Detector) (*article.Article, error) {
	it := source.Item{
		Kind: article.KindHTML, Path: p.FinalURL, URL: p.FinalURL, FetchedAt: p.FetchedAt,
		HTTPStatus: p.Status, ContentType: p.ContentType(), Body: p.Body,
	}
	if p.Archive.File != "" {
		it.Kind, it.Path, it.RecordID, it.Offset = article.KindWARC, p.Archive.File, p.Archive.RecordID, p.Archive.Offset
	}
	a, err := ingest.Prepare(it, det)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.FinalURL, err)
	}
	if a.Title == "" {
		a.Title = p.Title
	}
	// The page's own date wins over the listing's (extraction reads the
	// time of day the listing often lacks); with neither, the fetch time
	// stands in as first seen, an upper bound the report names as such.
	switch {
	case !a.PublishedAt.IsZero():
	case !p.Published.IsZero():
		a.PublishedAt, a.PublishedFrom = p.Published, article.PublishedFromFeed
	case !p.FetchedAt.IsZero():
		a.PublishedAt, a.PublishedFrom = p.FetchedAt, article.PublishedFromFirstSeen
	}
	a.Provenance.ETag = p.Header.Get("ETag")
	return a, nil
}

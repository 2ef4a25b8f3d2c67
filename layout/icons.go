package layout

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Icons: each aspect row of the poster gets an icon chosen from the words
// of its aspect. IconFor names the icon, iconBoxes draws it. The drawings
// are data (iconpaths*.go); the words that select them are iconWords below.

// iconWords lists, in order of precedence, the words and phrases that
// select each icon. They are written as ordinary words and stemmed like the
// aspect, so "price" also matches "Pricing" and "Prices". A phrase of
// several words ("learning curve") must appear as such in the aspect.
//
// IconFor prefers a match outside parentheses, then one that is not only a
// weak word (weakIconWords), then the longest phrase, then the icon listed
// first; the most specific icons come first, the broad ones ("tools",
// "settings", "focus") last.
var iconWords = []struct {
	kind  string
	words []string
}{
	// Phrases that would otherwise be read word by word.
	{"curve", []string{"learning curve", "learning time", "time to learn", "time to productivity", "onboarding", "onboarding time", "learning", "learn", "difficulty", "difficult", "complexity", "complex", "ease of use", "ease", "easy", "beginner friendly", "entry difficulty", "barrier to entry", "steepness"}},
	{"audience", []string{"best for", "best suited for", "best suited", "ideal for", "good for", "suited for", "suits", "who it suits", "who it is for", "who should", "best fit", "target audience", "audience", "target user", "target customer", "user", "customer", "persona", "use case", "for whom", "recommended for", "profile", "profiles"}},
	{"battery", []string{"battery", "battery life", "charge time", "charging time", "runtime", "epa range", "driving range", "electric range", "range per charge", "cipa", "mah"}},
	{"energy", []string{"charging", "charger", "charge", "charging port", "charging network", "charging speed", "power", "power draw", "power consumption", "energy", "energy use", "energy usage", "electricity", "electric", "watt", "wattage", "kwh", "voltage", "plug", "outlet", "supercharger", "dc charging", "fast charging"}},
	{"camera", []string{"camera", "main camera", "front camera", "rear camera", "selfie", "photo", "photos", "photography", "lens", "sensor", "megapixel", "autofocus", "viewfinder", "zoom", "stabilisation", "stabilization", "image stabilisation", "shutter", "burst", "aperture", "iso", "burst rate", "webcam"}},
	{"video", []string{"video", "4k", "8k", "streaming", "stream", "live sports", "movie", "movies", "film", "tv", "show", "shows", "content library", "original", "originals", "simultaneous streams", "watch", "hdr", "frame rate", "fps", "original hits", "hits"}},
	{"audio", []string{"audio", "sound", "sound quality", "noise", "noise cancelling", "noise cancellation", "anc", "spatial audio", "speaker", "speakers", "music", "microphone", "mic", "bass", "call quality", "headphone", "earbuds", "hi res", "ldac", "aptx", "podcast", "loudness", "decibel", "codec", "codecs"}},
	{"display", []string{"display", "screen", "screen size", "infotainment screen", "monitor", "resolution", "refresh rate", "brightness", "nits", "oled", "lcd", "panel", "touchscreen", "e ink", "dashboard", "gui", "ui", "interface", "user interface", "rendering"}},
	{"laptop", []string{"laptop", "computer", "desktop", "default desktop", "pc", "keyboard", "trackpad", "touchpad", "operating system", "os", "linux", "windows", "macos", "notebook", "workstation", "linux app"}},
	{"mobile", []string{"mobile", "phone", "smartphone", "mobile app", "app", "apps", "ios", "android", "esim", "sim", "hotspot", "talk", "cellular", "carrier", "handset", "tablet", "sms", "talk and text"}},
	{"hardware", []string{"processor", "cpu", "cpus", "chip", "chipset", "soc", "ram", "memory", "hardware", "gpu", "compute", "cpu cores", "vcpu", "spec", "specs", "specification", "instance", "machine", "server", "smallest managed instance", "test instance", "graphics"}},
	{"storage", []string{"storage", "disk", "disk usage", "ssd", "hdd", "nvme", "max storage", "free storage", "base storage", "object storage", "storage engine", "file size", "max file size", "quota", "backup", "backups", "photo backup", "archive", "card slot", "card slots", "sd card", "backup policy"}},
	{"data", []string{"data", "database", "databases", "sql", "nosql", "query", "query language", "replication", "schema", "data types", "data type", "record", "records", "table", "tables", "row", "json", "json support", "semi structured", "acid", "transaction", "transactions", "index", "indexing", "orm", "migration", "migrations", "warehouse", "etl", "dataset", "analysis", "analytics", "state management", "consistency", "consistency model", "acid compliance", "read replicas"}},
	{"ai", []string{"ai", "artificial intelligence", "machine learning", "ml", "llm", "model training", "neural", "gpt", "copilot", "assistant", "smart", "intelligence", "autopilot", "self driving", "recommendation", "recommendations", "auto", "driver assistance"}},
	{"cloud", []string{"cloud", "hosting", "hosted", "host", "managed", "managed offering", "managed option", "managed kubernetes", "serverless", "saas", "paas", "iaas", "deployment", "deploy", "unit of deployment", "availability zone", "cdn", "kubernetes", "container", "containers", "docker", "self hosted", "on premise", "on prem", "scale to zero", "sync", "syncing"}},
	{"network", []string{"network", "networking", "wifi", "wi fi", "wireless", "bluetooth", "multipoint", "multipoint bluetooth", "signal", "connectivity", "connection", "5g", "4g", "lte", "internet", "bandwidth", "port", "ports", "default port", "load balancing", "load balancer", "protocol", "protocols", "standard protocols", "websocket", "http", "premium data", "data cap", "roaming", "nfc", "usb"}},
	{"integration", []string{"integration", "integrations", "integrate", "plugin", "plugins", "plug in", "extension", "extensions", "addon", "add on", "works with", "compatibility", "compatible", "interoperability", "api", "apis", "sdk", "webhook", "webhooks", "connector", "connectors", "third party", "import", "export", "interop"}},
	{"package", []string{"package", "packages", "package manager", "package format", "package source", "package registry", "package freshness", "dependency", "dependencies", "dependency resolver", "lockfile", "lock file", "module", "modules", "node modules", "bundle", "bundle size", "library", "libraries", "main libraries", "crate", "crates", "gem", "binary packages", "distribution", "repository", "repo", "bundled", "bundled npm", "npm", "pip", "workspace", "workspaces", "update package lists", "ships with", "install a package", "add a package"}},
	{"ecosystem", []string{"ecosystem", "marketplace", "app store", "store", "catalog", "catalogue", "selection", "variety", "choice", "choices", "provider choice", "options available", "apps available", "range of", "lineup", "package ecosystem"}},
	{"community", []string{"community", "community size", "user base", "adoption", "popularity", "popular", "forum", "forums", "contributors", "followers", "family", "members", "membership", "social", "network effect", "maintained by", "maintainer"}},
	{"support", []string{"support", "support plans", "support length", "customer support", "customer service", "service", "help", "helpdesk", "assistance", "maintenance", "lts", "lts status", "long term support", "end of life", "lifecycle", "software support"}},
	{"docs", []string{"documentation", "docs", "doc", "guide", "guides", "manual", "tutorial", "tutorials", "book", "books", "ebook", "ebooks", "reading", "library loans", "resources", "learning resources", "reference", "meaning", "definition", "common terms", "glossary", "course", "courses"}},
	{"code", []string{"language", "languages", "core languages", "languages supported", "comment", "programming language", "programming", "code", "coding", "syntax", "type system", "typing", "type safety", "static typing", "compile", "compiler", "compilation", "script", "scripting", "templating", "error handling", "generics", "macros", "memory management", "garbage collection", "string", "strings", "multi line strings", "v8 engine", "engine", "runtime engine", "execution", "es modules", "web frameworks", "framework", "frameworks", "typical frameworks", "general programming", "editor", "ide", "glob", "open source", "typescript"}},
	{"terminal", []string{"cli", "command line", "terminal", "shell", "console", "command", "commands", "install command", "start the app", "run command", "bash", "repl"}},
	{"chat", []string{"chat", "message", "messages", "messaging", "text", "texting", "communication", "communicate", "conversation", "feedback", "reply", "slack", "discussion", "calls", "call", "voice", "international calls"}},
	{"mail", []string{"mail", "email", "e mail", "inbox", "spam", "spam filtering", "newsletter", "contacts", "alias", "aliases", "imap"}},
	{"ads", []string{"ads", "ad", "ad free", "ad free plan", "advertising", "advert", "adverts", "commercials", "marketing", "promotion", "announcement", "tracking", "sponsor", "sponsored"}},
	{"price", []string{"price", "prices", "pricing", "pricing model", "cost", "costs", "upfront cost", "running cost", "monthly cost", "total cost", "fee", "fees", "monthly fee", "monthly fees", "premium", "monthly premium", "monthly payment", "plan", "plans", "cheapest plan", "paid plan", "tier", "tiers", "subscription", "msrp", "value", "value for money", "affordable", "affordability", "cheap", "cheapest", "expensive", "deductible", "budget", "spend", "spending", "five year total", "total", "tco", "license cost", "unlimited price", "installed cost", "launch price", "starting price", "on demand price", "typical price", "copay", "out of pocket", "hosting cost", "transaction fee", "transaction fees", "foreign transaction fees"}},
	{"free", []string{"free", "free tier", "free trial", "trial", "gift", "bonus", "reward", "rewards", "perk", "perks", "cashback", "cash back", "promo", "loyalty", "points", "free minutes"}},
	{"salary", []string{"salary", "salaries", "pay", "wage", "wages", "income", "income limit", "earnings", "earning", "compensation", "bonus pay", "money", "cash", "cash value", "payout", "payout certainty", "dividend", "profit", "revenue", "median salary", "average salary", "typical salary", "grant"}},
	{"percent", []string{"interest", "interest rate", "rate cap", "rate caps", "apr", "apy", "percent", "percentage", "tax", "taxes", "taxation", "tax treatment", "taxable", "yield", "return", "returns", "commission", "inflation", "ratio", "odds", "probability", "discount", "discounts", "youth discount", "student discount", "rate"}},
	{"bank", []string{"bank", "banking", "banks", "account", "accounts", "deposit", "deposits", "fdic", "fdic insured", "withdrawal", "withdrawals", "withdrawal limits", "atm", "atm withdrawals", "savings", "checking", "check writing", "cheque", "branch", "branches", "loan", "loans", "lender", "credit union", "overdraft", "estate planning", "required minimum distributions", "contribution", "contributions", "contribution limit", "retirement", "pension", "401k", "ira", "hsa", "hsa eligible", "investment", "investments", "invest", "stocks", "fund", "funds", "access to cash", "balance", "minimum balance"}},
	{"card", []string{"card", "cards", "debit card", "credit card", "debit", "credit", "card payments", "contactless", "apple pay", "google pay", "wallet", "checkout", "billing", "invoice", "invoicing", "refund", "refunds"}},
	{"exchange", []string{"exchange", "exchange rate", "currency", "currencies", "currencies held", "conversion", "convert", "fx", "foreign", "abroad", "transfer", "transfers", "international transfer", "swap", "trade in", "switching", "switching cost"}},
	{"lock", []string{"encryption", "encrypted", "end to end encryption", "e2ee", "password", "passwords", "password sharing", "privacy", "private", "permission", "permissions", "permission model", "access control", "access", "authentication", "auth", "login", "sso", "2fa", "mfa", "secret", "secrets", "lock in", "vendor lock in", "lock", "needs root", "root", "sandbox", "sandboxing", "zero knowledge", "anonymity", "vpn", "biometric", "biometrics", "fingerprint", "face id", "identity"}},
	{"shield", []string{"security", "secure", "safety", "safe", "safety rating", "crash rating", "protection", "protect", "insurance", "insured", "insurer", "coverage", "out of network coverage", "warranty", "battery warranty", "guarantee", "guaranteed", "reliability", "reliable", "risk free", "vulnerability", "vulnerabilities", "cve", "antivirus", "firewall", "fraud", "theft", "durability", "durable", "resilience", "fault tolerance", "redundancy", "self healing", "certainty", "memory safety", "deposit guarantee", "sla", "uptime", "availability sla", "compute sla"}},
	{"compliance", []string{"compliance", "compliant", "sql compliance", "regulation", "regulations", "regulatory", "regulated", "gdpr", "hipaa", "soc 2", "soc2", "pci", "iso 27001", "certified", "audit", "audit logging", "auditing", "legal", "law", "license", "licence", "licensing", "terms", "terms of service", "contract", "policy", "policies", "change policy", "requirement", "requirements", "required", "eligibility", "eligible", "approval", "doctor required", "standard", "standards", "current standard", "accreditation", "accredited", "sovereignty", "testing", "tests", "test", "test runner"}},
	{"warning", []string{"risk", "risks", "main risk", "pitfall", "pitfalls", "common pitfall", "frustration", "biggest frustration", "warning", "drawback", "drawbacks", "downside", "downsides", "cons", "caveat", "caveats", "limitation", "limitations", "weakness", "weaknesses", "problem", "problems", "issue", "issues", "danger", "hazard", "side effect", "side effects", "mold", "odor", "failure", "failures", "volatility", "penalty", "penalties", "restricted", "restriction", "restrictions", "ceiling", "mold and odor risk"}},
	{"star", []string{"rating", "ratings", "rated", "score", "scores", "quality", "build quality", "reputation", "reviews score", "best", "strength", "strengths", "strongest", "strongest in", "pros", "advantage", "advantages", "highlight", "highlights", "feature", "features", "key feature", "favourite", "favorite", "award", "awards", "standout", "review", "reviews", "user reviews"}},
	{"speed", []string{"speed", "fast", "faster", "fastest", "performance", "latency", "throughput", "responsiveness", "acceleration", "0 60", "0 60 mph", "mph", "top speed", "quick", "quickness", "velocity", "benchmark", "benchmarks", "preheat", "rpm", "compile speed", "cache", "caching"}},
	{"time", []string{"time", "times", "setup time", "startup time", "start up time", "startup", "boot", "boot time", "duration", "hour", "hours", "minute", "wait", "waiting", "delay", "deadline", "turnaround", "cycle time", "lead time", "clean install time", "install time", "response time", "lifespan", "life span", "longevity", "age", "hours per week", "working hours", "schedule", "on call", "on call duty", "shift", "shifts", "timeline", "day to day", "daily", "punctuality", "time zone", "compile time", "compile times", "cold start", "cold starts", "prep time", "travel time", "heat up time"}},
	{"calendar", []string{"date", "dates", "release date", "launch", "launched", "launch date", "year", "years", "month", "months", "monthly", "annual", "annually", "week", "weekly", "calendar", "release cadence", "cadence", "release", "released", "since", "founded", "history", "loan term", "contract length", "reservation", "reservations", "appointment", "appointments", "availability", "season", "seasonal", "frequency", "typical day", "calendar and contacts"}},
	{"update", []string{"update", "updates", "software updates", "upgrade", "upgrades", "version", "versions", "latest version", "latest major version", "current version", "versioning", "refresh", "renewal", "renew", "renewable", "recycling", "recycle", "rollback", "restore", "iteration", "iterate", "patch", "patches", "changelog", "hot reload", "live reload", "reusable", "reuse", "churn", "replacement", "freshness", "watch mode", "stable 1 0", "1 0", "release model"}},
	{"location", []string{"location", "locations", "where", "place", "places", "map", "maps", "navigation", "gps", "address", "local", "nearby", "near", "city", "area", "country", "countries", "availability by country", "coverage map", "origin", "path", "route", "routes", "destination", "destinations", "directions", "headquarters", "based in", "remote", "on site", "onsite", "office", "region", "regions", "data residency", "residency"}},
	{"globe", []string{"international", "global", "globally", "worldwide", "world", "web", "website", "online", "internet access", "multilingual", "translation", "translations", "localization", "localisation", "i18n", "geography", "geographic", "available in", "spoken languages", "custom domain", "domain"}},
	{"travel", []string{"travel", "travelling", "traveling", "trip", "trips", "flight", "flights", "airline", "airport", "baggage", "luggage", "seat", "seats", "seating", "lounge", "miles", "journey", "commute", "commuting", "vacation", "holiday", "tourism", "passport", "visa", "hotel", "seat reservations", "lounge access", "check in"}},
	{"car", []string{"car", "cars", "vehicle", "vehicles", "drivetrain", "drive", "driving", "awd", "fwd", "rwd", "towing", "towing capacity", "tow", "ground clearance", "cargo", "cargo space", "trunk", "boot space", "seating capacity", "handling", "suspension", "horsepower", "hp", "torque", "engine size", "transmission", "parking", "tyres", "tires", "hybrid", "powertrain", "total output", "ride quality"}},
	{"fuel", []string{"fuel", "fuel economy", "mpg", "gas", "gasoline", "petrol", "diesel", "fuel type", "refuel", "refueling", "tank", "oil", "boiler", "furnace"}},
	{"eco", []string{"carbon", "co2", "emissions", "emission", "environment", "environmental", "eco", "green", "sustainability", "sustainable", "carbon footprint", "climate", "organic", "natural", "plant based", "vegan", "biodegradable", "carbon per year", "eco mode", "efficiency", "efficient"}},
	{"water", []string{"water", "water use", "water resistance", "water resistant", "waterproof", "waterproofing", "ip rating", "ip68", "ip67", "moisture", "humidity", "liquid", "rain", "wet", "splash", "swim", "swimming", "dishwasher", "washing", "wash", "laundry", "clothes", "detergent", "steam", "add clothes mid cycle", "weather sealing", "sealing", "weather resistance", "weatherproof"}},
	{"temperature", []string{"temperature", "temperatures", "heat", "heating", "cooling", "cool", "cold", "warm", "warmth", "thermal", "thermostat", "hvac", "insulation", "freezer", "fridge", "refrigerator", "celsius", "fahrenheit", "heat pump", "heating system"}},
	{"food", []string{"food", "foods", "allowed foods", "meal", "meals", "diet", "diets", "dietary", "carb", "carbs", "daily carbs", "calorie", "calories", "nutrition", "nutritional", "nutrient", "nutrients", "protein", "fat", "fats", "sugar", "fiber", "fibre", "eat", "eating", "cook", "cooking", "recipe", "recipes", "cuisine", "menu", "dish", "dishes", "snack", "snacks", "kitchen", "crisping", "browning", "sticking to it", "restricted foods"}},
	{"coffee", []string{"coffee", "espresso", "espresso capable", "drink", "drinks", "signature drink", "brew", "brewing", "tea", "cup", "cups", "beverage", "milk", "milk frothing", "steam wand", "grind", "grinder", "grind range", "grind size", "burr", "burrs", "burr type", "portafilter", "barista", "latte", "cappuccino", "shot", "shots", "roast", "beans", "cafe", "caffeine"}},
	{"health", []string{"health", "healthy", "heart", "heart health", "heart health evidence", "wellness", "wellbeing", "medical", "medicine", "doctor", "doctors", "primary care", "primary care doctor", "specialist", "specialists", "hospital", "care", "exercise", "workout", "sleep", "stress", "mental health", "burnout", "work life balance", "life balance", "injury", "clinical", "evidence", "symptoms", "treatment", "therapy", "dental", "vision care", "prescription", "network of doctors", "doctor network"}},
	{"home", []string{"home", "homes", "house", "housing", "property", "properties", "rent", "renting", "rental", "real estate", "household", "residential", "living", "apartment", "room", "rooms", "down payment", "homeowner", "homeowners", "landlord", "tenant", "appliance", "appliances", "countertop", "footprint size", "mortgage"}},
	{"weight", []string{"weight", "weighs", "heavy", "heaviness", "light", "lightweight", "mass", "kg", "lb", "lbs", "grams", "ounces", "oz", "portability", "portable", "payload", "load", "per load", "max load", "weight capacity", "weight loss"}},
	{"size", []string{"size", "sizes", "sizing", "dimension", "dimensions", "length", "width", "height", "depth", "thickness", "thin", "compact", "footprint", "stack height", "heel to toe drop", "drop", "wide sizes", "fit", "inches", "cm", "mm", "volume", "space", "room to", "legroom", "headroom"}},
	{"share", []string{"sharing", "shared", "shareable", "collaborative editing", "social sharing", "referral program", "link", "links", "linking", "backlinks", "graph", "graph view", "relations", "relationships", "network graph", "family sharing"}},
	{"workflow", []string{"workflow", "workflows", "workflow model", "pipeline", "pipelines", "ci", "ci cd", "cicd", "continuous integration", "build", "builds", "matrix builds", "self hosted runners", "runner", "runners", "dag", "dags", "orchestration", "scheduler", "process", "processes", "git", "version control", "merge", "flow", "steps", "stages", "lifecycle stages", "background jobs", "job queue", "queue", "queues", "events", "event", "trigger", "triggers", "automation rules", "approach", "method", "methodology", "lineage", "automation", "automated"}},
	{"concurrency", []string{"concurrency", "concurrency model", "concurrency per instance", "concurrent", "parallel", "parallelism", "thread", "threads", "threading", "multithreading", "async", "asynchronous", "await", "goroutine", "goroutines", "simultaneous", "multitasking", "multi tasking", "multi user", "real time", "realtime", "multiplayer"}},
	{"search", []string{"search", "searching", "full text search", "find", "finding", "discover", "discovery", "lookup", "look up", "seo", "indexing speed", "filter", "filtering", "filters", "explore", "exploration", "investigation", "debugging", "debugger", "observability", "logging", "logs", "tracing", "inspection", "detection", "diagnostics"}},
	{"layers", []string{"architecture", "structure", "structured", "layer", "layers", "layered", "stack layer", "tier architecture", "model", "type", "types of", "kind", "category", "categories", "layout", "organisation", "organization", "organize", "organise", "storage and compute", "system", "systems", "foundation", "platform", "platforms", "os layer", "abstraction", "level", "levels", "stackable", "nesting", "nested", "hierarchy", "tree"}},
	{"download", []string{"download", "downloads", "downloadable", "offline", "offline use", "offline mode", "offline access", "install", "installs", "installation size", "get", "fetch", "pull", "sideload", "sideloading", "ingest", "ingestion", "upload", "uploads", "installer"}},
	{"file", []string{"file", "format", "formats", "files", "file name", "file format", "config file", "configuration file", "document", "documents", "pdf", "yaml", "toml", "xml", "csv", "markdown", "note", "notes", "notebook files", "page", "pages", "paperwork", "form", "forms", "spreadsheet", "receipt", "text file", "plain text"}},
	{"career", []string{"career", "careers", "career path", "job", "jobs market", "job listings", "job market", "job security", "employment", "employer", "employers", "hiring", "hire", "demand", "work", "working", "business", "company", "companies", "office work", "profession", "professional", "industry", "industries", "sector", "portfolio", "growth path", "progression", "promotion path", "seniority", "entry level", "junior", "senior", "manager", "leadership", "deliverable", "deliverables", "day job", "entry path", "career ceiling"}},
	// The first icons, kept with their original words.
	{"responsibilities", []string{"responsibility", "responsibilities", "core responsibilities", "duties", "duty", "task", "tasks", "role", "roles", "checklist", "to do", "todo", "accountability", "ownership", "owner", "owns", "chores", "daily tasks"}},
	{"skills", []string{"skill", "skills", "key skills", "expertise", "competence", "competency", "competencies", "knowledge", "ability", "abilities", "strength of", "talent", "proficiency", "know how", "specialty", "specialization", "specialisation", "superpower", "capability", "capabilities", "power user"}},
	{"background", []string{"background", "typical background", "education", "degree", "degrees", "training", "certificate", "certificates", "experience", "qualification", "qualifications", "school", "university", "college", "bootcamp", "academic", "diploma", "study", "studies", "student", "students", "graduate", "certification", "certifications"}},
	{"goal", []string{"goal", "goals", "main goal", "objective", "objectives", "outcome", "outcomes", "mission", "result", "results", "target", "targets", "milestone", "milestones", "finish", "win", "success", "achievement", "vision", "ambition", "ambitions", "output", "work output"}},
	{"metrics", []string{"metric", "metrics", "key metric", "typical metrics", "kpi", "kpis", "measure", "measures", "measurement", "chart", "charts", "plotting", "plot", "dashboard metrics", "insights", "market", "trend", "trends", "growth rate", "numbers", "figures", "reports metrics", "okr", "okrs", "sales", "success metrics", "statistics", "stats", "reporting", "reports", "market share", "monitoring", "report"}},
	{"scale", []string{"scale", "scaling", "scalability", "scalable", "scaling limit", "growth", "grow", "capacity", "max capacity", "limit", "limits", "maximum", "max", "expand", "expansion", "expandable", "upgradeable", "upgradability", "elastic", "elasticity", "horizontal scaling", "sharding", "cluster", "clustering", "nodes", "spike"}},
	{"collaboration", []string{"collaboration", "collaborate", "collaborative", "team", "teams", "teamwork", "team size", "stakeholder", "stakeholders", "people", "partner", "partners", "partnership", "cooperation", "pairing", "co op", "together", "colleagues", "coworkers", "peers", "cross functional", "multiplayer editing", "co authoring", "coauthoring", "guest", "guests", "invite", "seat based", "direct reports", "real time collaboration", "guest access"}},
	{"tools", []string{"tool", "tools", "tools used", "key tools", "core tools", "typical tools", "tooling", "toolchain", "toolkit", "stack", "tech stack", "technology", "technologies", "software", "build tool", "utility", "utilities", "instrument", "equipment", "gear", "accessories", "repair", "repairability", "fix", "fixes", "maintenance tools", "wrench", "ports and tools", "installation"}},
	{"settings", []string{"settings", "setting", "config", "configuration", "configurable", "customization", "customisation", "customize", "customise", "custom", "customizable", "flexibility", "flexible", "option", "options", "preferences", "preference", "control", "controls", "adjustable", "adjustment", "adjust", "tuning", "tweak", "tweaks", "mode", "modes", "setup", "environment management", "variant", "variants", "toggle", "admin", "admin panel", "administration", "management console", "extensibility", "freedom", "modular", "modularity", "preset", "presets", "reusable config"}},
	{"focus", []string{"focus", "primary focus", "purpose", "main purpose", "core purpose", "priority", "priorities", "aim", "core", "emphasis", "specialism", "niche", "strongest use", "orientation", "centre", "center", "precision", "accuracy", "accurate", "aim of", "scope", "main idea", "core question"}},
}

// IconFor returns the icon kind for an aspect, "neutral" when no word
// matches.
func IconFor(aspect string) string {
	toks := aspectTokens(aspect)
	best := "neutral"
	bestMain, bestStrong, bestLen, bestRank := false, false, 0, 0
	for _, ph := range iconIndex() {
		n := len(ph.stems)
		for i := 0; i+n <= len(toks); i++ {
			main := true
			ok := true
			for j, s := range ph.stems {
				t := toks[i+j]
				if t.stem != s {
					ok = false
					break
				}
				main = main && !t.inParens
			}
			if !ok {
				continue
			}
			strong := n > 1 || !weakIconWords[ph.stems[0]]
			if better := cmpMatch(main, strong, n, ph.rank, bestMain, bestStrong, bestLen, bestRank); better {
				best, bestMain, bestStrong, bestLen, bestRank = ph.kind, main, strong, n, ph.rank
			}
		}
	}
	return best
}

// cmpMatch reports whether a match beats the best so far: one outside
// parentheses beats one inside, a strong word a weak one, a longer phrase a
// shorter one, an icon listed earlier a later one.
func cmpMatch(main, strong bool, n, rank int, bMain, bStrong bool, bN, bRank int) bool {
	if bN == 0 {
		return true
	}
	if main != bMain {
		return main
	}
	if strong != bStrong {
		return strong
	}
	if n != bN {
		return n > bN
	}
	return rank < bRank
}

// weakIconWords select an icon only when no other word of the aspect
// does: "TypeScript Support" is about TypeScript, "ATM Network" about the
// bank, "Maintenance Cost" a price.
var weakIconWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"support", "maintenance", "management", "type", "model", "history", "requirement", "requirements",
		"required", "network", "access", "service", "assistance", "variety", "selection", "choice", "plan", "plans", "system", "options", "option", "mode"} {
		m[stem(w)] = true
	}
	return m
}()

// IconKinds lists every icon IconFor can return, the neutral one last.
func IconKinds() []string {
	kinds := make([]string, 0, len(iconWords)+1)
	for _, k := range iconWords {
		kinds = append(kinds, k.kind)
	}
	return append(kinds, "neutral")
}

// IconBoxes draws icon kind in a square of side size at (x, y), in colour
// c over background bg (the colour of the cut-outs).
func IconBoxes(kind string, x, y, size float64, c, bg Color) []Box {
	return iconBoxes(kind, x, y, size, c, bg)
}

type iconToken struct {
	stem     string
	inParens bool
}

// aspectReplacer drops possessives and apostrophes and spells out & and +.
var aspectReplacer = strings.NewReplacer("’s ", " ", "'s ", " ", "’", "", "'", "", "&", " and ", "+", " plus ")

// aspectTokens splits an aspect into stemmed lower-case words, noting which
// stand inside parentheses ("Battery Life (Video)": "video" does).
func aspectTokens(aspect string) []iconToken {
	lower := strings.ToLower(aspect)
	lower = aspectReplacer.Replace(lower + " ")
	var toks []iconToken
	depth := 0
	var word strings.Builder
	flush := func() {
		if word.Len() > 0 {
			toks = append(toks, iconToken{stem(word.String()), depth > 0})
			word.Reset()
		}
	}
	for _, r := range lower {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0xC0 && r != 0xD7 && r != 0xF7 && r < 0x2000:
			word.WriteRune(r)
		case r == '(' || r == '[':
			flush()
			depth++
		case r == ')' || r == ']':
			flush()
			depth = max(0, depth-1)
		default:
			flush()
		}
	}
	flush()
	return toks
}

// stem strips one common English suffix (and a final e), so that the forms
// of a word meet: price, prices, pricing → "pric"; secure, security →
// "secur"; scalable, scalability → "scalabl".
func stem(w string) string {
	if s, ok := stemExceptions[w]; ok {
		return s
	}
	for _, r := range [...]struct{ suf, rep string }{
		{"ibilities", "ibl"}, {"abilities", "abl"}, {"ibility", "ibl"}, {"ability", "abl"},
		{"ies", "y"}, {"ness", ""}, {"ments", ""}, {"ment", ""}, {"ings", ""}, {"ing", ""},
		{"ity", ""}, {"eed", "eed"}, {"ed", ""}, {"ss", "ss"}, {"us", "us"}, {"is", "is"}, {"s", ""},
	} {
		if strings.HasSuffix(w, r.suf) {
			if s := w[:len(w)-len(r.suf)] + r.rep; len(s) >= 3 {
				w = s
			}
			break
		}
	}
	if strings.HasSuffix(w, "ly") && len(w) >= 7 {
		w = w[:len(w)-2]
	}
	if strings.HasSuffix(w, "e") && len(w) > 3 {
		w = w[:len(w)-1]
	}
	return w
}

// stemExceptions keeps apart words that the suffix rules would merge.
var stemExceptions = map[string]string{
	"rating": "rating", "ratings": "rating", "rated": "rating",
	"care": "care", "cares": "care",
	"marketing":  "marketing",
	"monitoring": "monitoring",
	"comment":    "comment", "comments": "comment",
	"typing": "typing",
}

type iconPhrase struct {
	stems []string
	kind  string
	rank  int
}

// iconIndex holds every phrase of iconWords, stemmed, built on first use:
// a run that draws no poster does not pay for it at start-up.
var iconIndex = sync.OnceValue(buildIconIndex)

func buildIconIndex() []iconPhrase {
	var idx []iconPhrase
	owner := map[string]string{}
	var clash []string
	for rank, k := range iconWords {
		if _, ok := iconDrawings[k.kind]; !ok {
			panic("layout: icon " + k.kind + " has words but no drawing")
		}
		for _, w := range k.words {
			var stems []string
			for _, t := range aspectTokens(w) {
				stems = append(stems, t.stem)
			}
			key := strings.Join(stems, " ")
			if o, ok := owner[key]; ok && o != k.kind {
				clash = append(clash, fmt.Sprintf("%q (%s, %s)", w, k.kind, o))
			}
			owner[key] = k.kind
			idx = append(idx, iconPhrase{stems, k.kind, rank})
		}
	}
	if clash != nil {
		panic("layout: icon words claimed twice: " + strings.Join(clash, ", "))
	}
	sort.SliceStable(idx, func(i, j int) bool { return idx[i].rank < idx[j].rank })
	return idx
}

// An icon drawing is a list of shapes on a 24-unit grid, separated by ";".
// A shape starts with its kind:
//
//	s PATH        stroked in the icon colour (2 units wide, round caps and joins)
//	f PATH        filled and stroked in the icon colour
//	F PATH        filled in the icon colour, not stroked
//	x PATH        stroked in the background colour (a cut-out line)
//	b PATH        filled in the background colour (a cut-out area)
//	d CX CY R     a filled dot; k CX CY R the same in the background colour
//	r X Y W H R   a filled rectangle (a Fill box) with corner radius R; q the same in the
//	              background colour. Fill boxes must not partly overlap other
//	              boxes of the page, so the new icons draw rectangles as paths.
//
// PATH is made of M x y, L x y [x y…], C x1 y1 x2 y2 x y, Z, and three
// shorthands that expand to curves: O cx cy r (a whole circle),
// R x y w h r (a rounded rectangle) and E cx cy rx ry a0 a1 (an elliptical
// arc from angle a0 to a1 in degrees, clockwise on the page when a1 > a0;
// it continues the path with a line to its start, or starts it).
type iconShape struct {
	kind byte
	ops  []PathOp // in grid units
	nums []float64
}

// iconDrawings holds the drawings of every icon by name.
var iconDrawings = func() map[string]string {
	m := make(map[string]string, len(iconDrawings1)+len(iconDrawings2))
	for _, d := range []map[string]string{iconDrawings1, iconDrawings2} {
		for k, v := range d {
			if _, dup := m[k]; dup {
				panic("layout: icon " + k + " drawn twice")
			}
			m[k] = v
		}
	}
	return m
}()

// iconShapes holds the parsed drawings.
var iconShapes = parseIconDrawings()

func parseIconDrawings() map[string][]iconShape {
	m := make(map[string][]iconShape, len(iconDrawings))
	for kind, src := range iconDrawings {
		shapes, err := parseIcon(src)
		if err != nil {
			panic(fmt.Sprintf("layout: icon %s: %v", kind, err))
		}
		m[kind] = shapes
	}
	return m
}

func parseIcon(src string) ([]iconShape, error) {
	var shapes []iconShape
	for _, part := range strings.Split(src, ";") {
		f := strings.Fields(part)
		if len(f) == 0 {
			continue
		}
		sh := iconShape{kind: f[0][0]}
		if len(f[0]) != 1 {
			return nil, fmt.Errorf("bad shape kind %q", f[0])
		}
		switch sh.kind {
		case 'd', 'k', 'r', 'q':
			for _, t := range f[1:] {
				v, err := strconv.ParseFloat(t, 64)
				if err != nil {
					return nil, err
				}
				sh.nums = append(sh.nums, v)
			}
			if want := map[byte]int{'d': 3, 'k': 3, 'r': 5, 'q': 5}[sh.kind]; len(sh.nums) != want {
				return nil, fmt.Errorf("%q: want %d numbers", part, want)
			}
		case 's', 'f', 'F', 'x', 'b':
			ops, err := parseIconPath(strings.Join(f[1:], " "))
			if err != nil {
				return nil, fmt.Errorf("%q: %v", part, err)
			}
			sh.ops = ops
		default:
			return nil, fmt.Errorf("bad shape kind %q", f[0])
		}
		shapes = append(shapes, sh)
	}
	return shapes, nil
}

// parseIconPath reads a path; commands and numbers may touch ("M3 6").
func parseIconPath(src string) ([]PathOp, error) {
	var toks []string
	for _, f := range strings.Fields(src) {
		if c := f[0]; c >= 'A' && c <= 'Z' {
			toks = append(toks, f[:1])
			f = f[1:]
		}
		if f != "" {
			toks = append(toks, f)
		}
	}
	var ops []PathOp
	open := false
	for i := 0; i < len(toks); {
		cmd := toks[i][0]
		i++
		var nums []float64
		for i < len(toks) && !(toks[i][0] >= 'A' && toks[i][0] <= 'Z') {
			v, err := strconv.ParseFloat(toks[i], 64)
			if err != nil {
				return nil, err
			}
			nums = append(nums, v)
			i++
		}
		need := map[byte]int{'M': 2, 'L': 2, 'C': 6, 'Z': 0, 'O': 3, 'R': 5, 'E': 6}[cmd]
		if cmd != 'Z' && need == 0 {
			return nil, fmt.Errorf("unknown command %c", cmd)
		}
		if cmd == 'L' && len(nums) >= 2 && len(nums)%2 == 0 {
			for j := 0; j < len(nums); j += 2 {
				ops = append(ops, PathOp{'L', nums[j : j+2]})
			}
			continue
		}
		if len(nums) != need {
			return nil, fmt.Errorf("%c wants %d numbers, has %d", cmd, need, len(nums))
		}
		switch cmd {
		case 'M':
			ops = append(ops, PathOp{'M', nums})
			open = true
			continue
		case 'L', 'C':
			ops = append(ops, PathOp{cmd, nums})
		case 'Z':
			ops = append(ops, PathOp{Kind: 'Z'})
			open = false
			continue
		case 'O':
			ops = append(ops, arcOps(nums[0], nums[1], nums[2], nums[2], 0, 360, false)...)
			ops = append(ops, PathOp{Kind: 'Z'})
			open = false
			continue
		case 'R':
			x, y, w, h, r := nums[0], nums[1], nums[2], nums[3], nums[4]
			ops = append(ops, PathOp{'M', []float64{x + r, y}}, PathOp{'L', []float64{x + w - r, y}})
			ops = append(ops, arcOps(x+w-r, y+r, r, r, 270, 360, true)...)
			ops = append(ops, PathOp{'L', []float64{x + w, y + h - r}})
			ops = append(ops, arcOps(x+w-r, y+h-r, r, r, 0, 90, true)...)
			ops = append(ops, PathOp{'L', []float64{x + r, y + h}})
			ops = append(ops, arcOps(x+r, y+h-r, r, r, 90, 180, true)...)
			ops = append(ops, PathOp{'L', []float64{x, y + r}})
			ops = append(ops, arcOps(x+r, y+r, r, r, 180, 270, true)...)
			ops = append(ops, PathOp{Kind: 'Z'})
			open = false
			continue
		case 'E':
			arc := arcOps(nums[0], nums[1], nums[2], nums[3], nums[4], nums[5], open)
			ops = append(ops, arc...)
		}
		open = true
	}
	return ops, nil
}

// arcOps approximates an elliptical arc with cubic curves of at most 90°,
// starting with a line to its first point when cont, else a move.
func arcOps(cx, cy, rx, ry, a0, a1 float64, cont bool) []PathOp {
	rad := func(a float64) float64 { return a * math.Pi / 180 }
	at := func(a float64) (float64, float64) { return cx + rx*math.Cos(rad(a)), cy + ry*math.Sin(rad(a)) }
	x0, y0 := at(a0)
	first := PathOp{'M', []float64{x0, y0}}
	if cont {
		first.Kind = 'L'
	}
	ops := []PathOp{first}
	n := int(math.Ceil(math.Abs(a1-a0)/90 - 1e-9))
	if n < 1 {
		n = 1
	}
	step := (a1 - a0) / float64(n)
	k := 4.0 / 3 * math.Tan(rad(step)/4)
	for i := 0; i < n; i++ {
		s, e := a0+float64(i)*step, a0+float64(i+1)*step
		sx, sy := at(s)
		ex, ey := at(e)
		c1x, c1y := sx-k*rx*math.Sin(rad(s)), sy+k*ry*math.Cos(rad(s))
		c2x, c2y := ex+k*rx*math.Sin(rad(e)), ey-k*ry*math.Cos(rad(e))
		ops = append(ops, PathOp{'C', []float64{c1x, c1y, c2x, c2y, ex, ey}})
	}
	return ops
}

// iconBoxes draws icon kind in a square of side size at (x, y); an unknown
// kind draws the neutral icon.
func iconBoxes(kind string, x, y, size float64, c, bg Color) []Box {
	shapes, ok := iconShapes[kind]
	if !ok {
		shapes = iconShapes["neutral"]
	}
	s := size / 24
	box := Rect{x, y, size, size}
	out := make([]Box, 0, len(shapes))
	for _, sh := range shapes {
		n := sh.nums
		switch sh.kind {
		case 'd', 'k':
			col := c
			if sh.kind == 'k' {
				col = bg
			}
			out = append(out, &Circle{x + n[0]*s, y + n[1]*s, n[2] * s, col})
		case 'r', 'q':
			col := c
			if sh.kind == 'q' {
				col = bg
			}
			out = append(out, &Fill{Rect: Rect{x + n[0]*s, y + n[1]*s, n[2] * s, n[3] * s}, Color: col, Radius: n[4] * s})
		default:
			p := &Path{Ops: placeOps(sh.ops, x, y, s), Box: box, Stroke: 2 * s, Color: c}
			switch sh.kind {
			case 'f':
				p.Fill = true
			case 'F':
				p.Fill, p.Stroke = true, 0
			case 'x':
				p.Color = bg
			case 'b':
				p.Fill, p.Color, p.Stroke = true, bg, 0
			}
			out = append(out, p)
		}
	}
	return out
}

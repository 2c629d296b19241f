using Mutual.Browser.Tests.Support;

// One browser and one bootstrapped app for the whole run; the first-run test brings its own empty app.
[assembly: AssemblyFixture(typeof(Chromium))]
[assembly: AssemblyFixture(typeof(BrowserApp))]

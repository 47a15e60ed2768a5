namespace PolicyDocs.Tests; public sealed class SmokeTests { [Xunit.Fact] public void Ok() => Xunit.Assert.True(true); }

using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Rendering.Docx;

/// <summary>A small folder-layout policy set (a CP and a CPS) covering the Markdown constructs the writer handles.</summary>
internal static class SmallSet
{
    public const string CpsBody = """
        # 1. Introduction

        ## 1.1 Overview

        This CPS implements [[cp]]. Revocation follows [[cp:4.9.1]] and [[4.9.1]]; see also [the overview](#11-overview).

        - First *point* with **strong** and `code`
          1. nested ordered
          2. second
        - Second point[^1]

        [^1]: A footnote with [a link](https://pki.example/repo).

        | Name | Value |
        |:-----|------:|
        | a | 1 |
        | b | 2 |

        > Quoted ~~old~~ text.

        ```
        openssl version
        ```

        [[#custom-anchor]]Anchored text.

        ## 1.2 Document name and identification

        No stipulation.

        # 4. Certificate life-cycle operational requirements

        ## 4.9 Certificate revocation and suspension

        ### 4.9.1 Circumstances for revocation

        Revoke on request. See [[#custom-anchor|the anchor]].
        """;

    public static void WriteFolder(DocxTestKit kit) => new PolicySetBuilder()
        .WithSet(new SetMeta("Example PKI", "Example Policy Authority") { Email = "pa@pki.example" })
        .WithDocument("cp", new DocumentMeta("cp", "Example Certificate Policy")
        {
            ShortTitle = "Example CP",
            Oid = "1.3.6.1.4.1.99999.1",
            EffectiveDate = "2024-01-01",
            Status = "approved",
        })
        .WithText("cp", "# 1. Introduction\n\n## 1.1 Overview\n\nThe CP.\n\n# 4. Certificate life-cycle operational requirements\n\n## 4.9 Certificate revocation and suspension\n\n### 4.9.1 Circumstances for revocation\n\nWhen asked.\n", "01.md")
        .WithDocument("cps", new DocumentMeta("cps", "Example Certification Practice Statement")
        {
            ShortTitle = "Example CPS",
            Version = "1.1",
            EffectiveDate = "2024-02-01",
            Status = "draft",
            Implements = ["cp"],
            Revisions = [new("1.0", "2023-06-01", "First."), new("1.1", "2024-02-01", "Second.")],
        })
        .WithText("cps", CpsBody, "01.md")
        .WriteTo(kit.Root);
}

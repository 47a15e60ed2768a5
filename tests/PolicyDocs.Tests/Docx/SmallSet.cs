namespace PolicyDocs.Tests.Docx;

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

    public static void WriteFolder(DocxTestKit kit)
    {
        kit.Write("policyset.yaml", "name: Example PKI\npublisher:\n  name: Example Policy Authority\n  email: pa@pki.example\n");
        kit.Write("documents/cp/document.yaml", "kind: cp\ntitle: Example Certificate Policy\nshort_title: Example CP\noid: 1.3.6.1.4.1.99999.1\nversion: \"1.0\"\neffective_date: 2024-01-01\nstatus: approved\n");
        kit.Write("documents/cp/01.md", "# 1. Introduction\n\n## 1.1 Overview\n\nThe CP.\n\n# 4. Certificate life-cycle operational requirements\n\n## 4.9 Certificate revocation and suspension\n\n### 4.9.1 Circumstances for revocation\n\nWhen asked.\n");
        kit.Write("documents/cps/document.yaml", "kind: cps\ntitle: Example Certification Practice Statement\nshort_title: Example CPS\nversion: \"1.1\"\neffective_date: 2024-02-01\nstatus: draft\nimplements: [cp]\nrevisions:\n  - version: \"1.0\"\n    date: 2023-06-01\n    summary: First.\n  - version: \"1.1\"\n    date: 2024-02-01\n    summary: Second.\n");
        kit.Write("documents/cps/01.md", CpsBody);
    }
}

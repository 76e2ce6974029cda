import Testing
@testable import Citations

@Suite struct BibTeXConversionTests {
    @Test func namesInAllThreeFormsWithParticlesSuffixesAndCorporateAuthors() {
        let (names, others) = BibTeXNames.parse(
            #"Ludwig van Beethoven and van der Maaten, Laurens and King, Jr, Martin Luther and {OpenAI} and G{\"o}del, Kurt and Jean-Paul Sartre and {World Health Organization} and others"#
        )
        #expect(others)
        #expect(names.count == 7)
        #expect(names[0] == Name(family: "Beethoven", given: "Ludwig", particle: "van"))
        #expect(names[1] == Name(family: "Maaten", given: "Laurens", particle: "van der"))
        #expect(names[2] == Name(family: "King", given: "Martin Luther", suffix: "Jr"))
        #expect(names[3] == Name(literal: "OpenAI"))
        #expect(names[4] == Name(family: "Gödel", given: "Kurt"))
        #expect(names[5] == Name(family: "Sartre", given: "Jean-Paul"))
        #expect(names[5].initials == "J.-P.")
        #expect(names[6] == Name(literal: "World Health Organization"))
    }

    @Test func andInsideBracesDoesNotSplit() {
        let (names, _) = BibTeXNames.parse("{Barnes and Noble} AND Smith, John")
        #expect(names == [Name(literal: "Barnes and Noble"), Name(family: "Smith", given: "John")])
    }

    /// Entries as Google Scholar, DBLP and Zotero export them, checked field by field by hand.
    @Test func realExportsBecomeReferences() {
        let text = #"""
            @article{vaswani2017attention,
              title={Attention is all you need},
              author={Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and Uszkoreit, Jakob and Jones, Llion and Gomez, Aidan N and Kaiser, {\L}ukasz and Polosukhin, Illia},
              journal={Advances in neural information processing systems},
              volume={30},
              year={2017}
            }
            @article{DBLP:journals/corr/KingmaB14,
              author    = {Diederik P. Kingma and
                           Jimmy Ba},
              title     = {Adam: {A} Method for Stochastic Optimization},
              journal   = {CoRR},
              volume    = {abs/1412.6980},
              year      = {2014},
              url       = {http://arxiv.org/abs/1412.6980},
              eprinttype = {arXiv},
              eprint    = {1412.6980},
            }
            @inproceedings{he_deep_2016,
              address = {Las Vegas, NV, USA},
              title = {Deep {Residual} {Learning} for {Image} {Recognition}},
              doi = {10.1109/CVPR.2016.90},
              booktitle = {2016 {IEEE} {Conference} on {Computer} {Vision} and {Pattern} {Recognition} ({CVPR})},
              publisher = {IEEE},
              author = {He, Kaiming and Zhang, Xiangyu and Ren, Shaoqing and Sun, Jian},
              month = jun,
              year = {2016},
              pages = {770--778},
            }
            @article{lecun2015deep,
              title={Deep learning},
              author={LeCun, Yann and Bengio, Yoshua and Hinton, Geoffrey},
              journal={nature},
              volume={521},
              number={7553},
              pages={436--444},
              year={2015},
              publisher={Nature Publishing Group UK London}
            }
            @misc{devlin2018bert,
              title={BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding},
              author={Jacob Devlin and Ming-Wei Chang and Kenton Lee and Kristina Toutanova},
              year={2018},
              eprint={1810.04805},
              archivePrefix={arXiv},
              primaryClass={cs.CL}
            }
            @article{brown2020language,
              title={Language models are few-shot learners},
              author={Brown, Tom and others},
              journal={arXiv preprint arXiv:2005.14165},
              year={2020}
            }
            """#
        let (bibliography, diagnostics) = Bibliography.read(text, format: .bibtex)
        #expect(diagnostics.isEmpty)
        #expect(bibliography.references.count == 6)

        let vaswani = try! #require(bibliography["vaswani2017attention"])
        #expect(vaswani.type == .articleJournal)
        #expect(vaswani.author.count == 8)
        #expect(vaswani.author[6] == Name(family: "Kaiser", given: "Łukasz"))
        #expect(vaswani.author[5] == Name(family: "Gomez", given: "Aidan N"))
        #expect(vaswani.containerTitle == "Advances in neural information processing systems")
        #expect(vaswani.volume == "30")
        #expect(vaswani.issued == DateParts(year: 2017))

        let adam = try! #require(bibliography["DBLP:journals/corr/KingmaB14"])
        #expect(adam.type == .article)
        #expect(adam.title == "Adam: A Method for Stochastic Optimization")
        #expect(adam.author == [Name(family: "Kingma", given: "Diederik P."), Name(family: "Ba", given: "Jimmy")])
        #expect(adam.arxiv == "1412.6980")
        #expect(adam.url == "http://arxiv.org/abs/1412.6980")

        let resnet = try! #require(bibliography["he_deep_2016"])
        #expect(resnet.type == .paperConference)
        #expect(resnet.title == "Deep Residual Learning for Image Recognition")
        #expect(resnet.containerTitle == "2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)")
        #expect(resnet.doi == "10.1109/CVPR.2016.90")
        #expect(resnet.page == "770–778")
        #expect(resnet.issued == DateParts(year: 2016, month: 6))
        #expect(resnet.publisherPlace == "Las Vegas, NV, USA")
        #expect(resnet.location == SourceLocation(line: 19, column: 1))

        let lecun = try! #require(bibliography["lecun2015deep"])
        #expect(lecun.issue == "7553")
        #expect(lecun.page == "436–444")

        let bert = try! #require(bibliography["devlin2018bert"])
        #expect(bert.type == .article)
        #expect(bert.arxiv == "1810.04805")
        #expect(bert.author[1] == Name(family: "Chang", given: "Ming-Wei"))

        let gpt3 = try! #require(bibliography["brown2020language"])
        #expect(gpt3.type == .article)
        #expect(gpt3.arxiv == "2005.14165")
        #expect(gpt3.hasMoreAuthors)
        #expect(gpt3.author == [Name(family: "Brown", given: "Tom")])
    }

    @Test func biblatexDatesAndCrossref() {
        let text = """
            @proceedings{icml2020, title = {Proceedings of ICML}, publisher = {PMLR}, date = {2020-07-13}}
            @inproceedings{paper, author = {Doe, Jane}, title = {A Paper}, crossref = {icml2020}}
            @online{blog, author = {Karpathy, Andrej}, title = {A Recipe}, date = {2019-04-25}, url = {https://karpathy.github.io/2019/04/25/recipe/}, urldate = {2024-01-02}}
            """
        let (bibliography, diagnostics) = Bibliography.read(text, format: .bibtex)
        #expect(diagnostics.isEmpty)
        let paper = try! #require(bibliography["paper"])
        #expect(paper.containerTitle == "Proceedings of ICML")
        #expect(paper.publisher == "PMLR")
        #expect(paper.issued == DateParts(year: 2020, month: 7, day: 13))
        let blog = try! #require(bibliography["blog"])
        #expect(blog.type == .webpage)
        #expect(blog.accessed == DateParts(year: 2024, month: 1, day: 2))
        #expect(blog.primaryLink == "https://karpathy.github.io/2019/04/25/recipe/")
    }

    @Test func keysMatchIgnoringCaseWhenNotExact() {
        let (bibliography, _) = Bibliography.read("@article{Smith2020, title={T}}", format: .bibtex)
        #expect(bibliography["smith2020"]?.id == "Smith2020")
        #expect(bibliography["Smith2020"]?.id == "Smith2020")
        #expect(bibliography["smith2021"] == nil)
    }
}

/// The theme's interface strings in the languages it ships, chosen by the site's `languageCode`.
enum Strings {
    /// The strings for a language code such as `en-us` or `fr`; English when unknown.
    static func table(for languageCode: String) -> [String: String] {
        let language = String(languageCode.lowercased().prefix(2))
        let own = translations[language] ?? [:]
        return english.merging(own) { _, translated in translated }
    }

    /// Languages written right to left.
    static func isRightToLeft(_ languageCode: String) -> Bool {
        ["ar", "fa", "he", "ur", "ps", "yi"].contains(String(languageCode.lowercased().prefix(2)))
    }

    static let english: [String: String] = [
        "toTop": "Back to top", "poweredBy": "Built with The Tensor Collective", "feed": "RSS feed", "author": "Author",
        "postsBy": "Posts by", "page": "Page", "postNav": "More posts", "shareOn": "Share on",
        "singular.tag": "Tag", "singular.category": "Category", "singular.series": "Series", "singular.author": "Author",
        "section": "Section", "all": "All", "moreResults": "More results", "searchResults": "{n} results",
        "toc": "Table of Contents", "readMore": "Read more", "minRead": "min read", "words": "words",
        "home": "Home", "next": "Next", "prev": "Prev", "nextPage": "Next page", "prevPage": "Previous page",
        "tags": "Tags", "categories": "Categories", "series": "Series", "authors": "Authors",
        "archives": "Archives", "search": "Search", "searchPlaceholder": "Search the site…",
        "notFound": "Page not found", "notFoundText": "The page you are looking for does not exist.",
        "backHome": "Back to the home page", "updated": "Updated", "draft": "Draft",
        "related": "Related posts", "share": "Share", "editPage": "Edit this page",
        "skip": "Skip to content", "toggleTheme": "Toggle light and dark theme", "copy": "Copy", "copied": "Copied",
        "posts": "posts", "seriesPart": "Part of the series", "by": "By", "subscribe": "Subscribe (RSS)",
        "menu": "Main menu", "pages": "Pagination", "breadcrumbs": "Breadcrumbs",
    ]

    static let translations: [String: [String: String]] = [
        "ar": [
            "toc": "جدول المحتويات", "readMore": "اقرأ المزيد", "minRead": "دقائق للقراءة", "words": "كلمة",
            "home": "الرئيسية", "next": "التالي", "prev": "السابق", "nextPage": "الصفحة التالية",
            "prevPage": "الصفحة السابقة", "tags": "الوسوم", "categories": "التصنيفات", "series": "السلاسل",
            "authors": "الكتّاب", "archives": "الأرشيف", "search": "بحث", "searchPlaceholder": "ابحث في الموقع…",
            "notFound": "الصفحة غير موجودة", "notFoundText": "الصفحة التي تبحث عنها غير موجودة.",
            "backHome": "العودة إلى الرئيسية", "updated": "حُدّث في", "draft": "مسودة", "related": "مقالات ذات صلة",
            "share": "مشاركة", "editPage": "تعديل هذه الصفحة", "skip": "انتقل إلى المحتوى",
            "toggleTheme": "التبديل بين الوضع الفاتح والداكن", "copy": "نسخ", "copied": "نُسخ", "posts": "مقالات",
            "seriesPart": "جزء من سلسلة", "by": "بقلم", "subscribe": "اشترك (RSS)", "menu": "القائمة الرئيسية",
            "pages": "ترقيم الصفحات", "breadcrumbs": "مسار التنقل", "toTop": "العودة إلى الأعلى",
            "poweredBy": "صُنع باستخدام The Tensor Collective", "feed": "موجز RSS", "author": "الكاتب",
            "postsBy": "مقالات", "page": "صفحة", "postNav": "مقالات أخرى", "shareOn": "شارك على",
            "singular.tag": "وسم", "singular.category": "تصنيف", "singular.series": "سلسلة", "singular.author": "الكاتب",
            "section": "القسم", "all": "الكل", "moreResults": "نتائج أخرى", "searchResults": "{n} نتيجة",
        ],
        "fr": [
            "toTop": "Haut de page", "poweredBy": "Construit avec The Tensor Collective", "feed": "Flux RSS", "author": "Auteur",
            "postsBy": "Articles de", "page": "Page", "postNav": "Autres articles", "shareOn": "Partager sur",
            "singular.tag": "Étiquette", "singular.category": "Catégorie", "singular.series": "Série", "singular.author": "Auteur",
            "section": "Rubrique", "all": "Toutes", "moreResults": "Plus de résultats", "searchResults": "{n} résultats",
            "toc": "Table des matières", "readMore": "Lire la suite", "minRead": "min de lecture", "words": "mots",
            "home": "Accueil", "next": "Suivant", "prev": "Précédent", "nextPage": "Page suivante",
            "prevPage": "Page précédente", "tags": "Étiquettes", "categories": "Catégories", "series": "Séries",
            "authors": "Auteurs", "archives": "Archives", "search": "Rechercher", "searchPlaceholder": "Rechercher sur le site…",
            "notFound": "Page introuvable", "notFoundText": "La page demandée n’existe pas.",
            "backHome": "Retour à l’accueil", "updated": "Mis à jour", "draft": "Brouillon",
            "related": "Articles liés", "share": "Partager", "editPage": "Modifier cette page",
            "skip": "Aller au contenu", "toggleTheme": "Basculer entre thème clair et sombre", "copy": "Copier",
            "copied": "Copié", "posts": "articles", "seriesPart": "Fait partie de la série", "by": "Par",
            "subscribe": "S’abonner (RSS)", "menu": "Menu principal", "pages": "Pagination", "breadcrumbs": "Fil d’Ariane",
        ],
        "de": [
            "toTop": "Nach oben", "poweredBy": "Erstellt mit The Tensor Collective", "feed": "RSS-Feed", "author": "Autor",
            "postsBy": "Beiträge von", "page": "Seite", "postNav": "Weitere Beiträge", "shareOn": "Teilen auf",
            "singular.tag": "Schlagwort", "singular.category": "Kategorie", "singular.series": "Serie", "singular.author": "Autor",
            "section": "Bereich", "all": "Alle", "moreResults": "Weitere Ergebnisse", "searchResults": "{n} Ergebnisse",
            "toc": "Inhaltsverzeichnis", "readMore": "Weiterlesen", "minRead": "Min. Lesezeit", "words": "Wörter",
            "home": "Startseite", "next": "Weiter", "prev": "Zurück", "nextPage": "Nächste Seite",
            "prevPage": "Vorherige Seite", "tags": "Schlagwörter", "categories": "Kategorien", "series": "Serien",
            "authors": "Autoren", "archives": "Archiv", "search": "Suche", "searchPlaceholder": "Website durchsuchen…",
            "notFound": "Seite nicht gefunden", "notFoundText": "Die gesuchte Seite existiert nicht.",
            "backHome": "Zur Startseite", "updated": "Aktualisiert", "draft": "Entwurf", "related": "Ähnliche Beiträge",
            "share": "Teilen", "editPage": "Seite bearbeiten", "skip": "Zum Inhalt springen",
            "toggleTheme": "Helles oder dunkles Design", "copy": "Kopieren", "copied": "Kopiert", "posts": "Beiträge",
            "seriesPart": "Teil der Serie", "by": "Von", "subscribe": "Abonnieren (RSS)", "menu": "Hauptmenü",
            "pages": "Seitennavigation", "breadcrumbs": "Brotkrümelnavigation",
        ],
        "es": [
            "toTop": "Volver arriba", "poweredBy": "Hecho con The Tensor Collective", "feed": "Canal RSS", "author": "Autor",
            "postsBy": "Artículos de", "page": "Página", "postNav": "Más artículos", "shareOn": "Compartir en",
            "singular.tag": "Etiqueta", "singular.category": "Categoría", "singular.series": "Serie", "singular.author": "Autor",
            "section": "Sección", "all": "Todas", "moreResults": "Más resultados", "searchResults": "{n} resultados",
            "toc": "Índice", "readMore": "Leer más", "minRead": "min de lectura", "words": "palabras",
            "home": "Inicio", "next": "Siguiente", "prev": "Anterior", "nextPage": "Página siguiente",
            "prevPage": "Página anterior", "tags": "Etiquetas", "categories": "Categorías", "series": "Series",
            "authors": "Autores", "archives": "Archivo", "search": "Buscar", "searchPlaceholder": "Buscar en el sitio…",
            "notFound": "Página no encontrada", "notFoundText": "La página que busca no existe.",
            "backHome": "Volver al inicio", "updated": "Actualizado", "draft": "Borrador", "related": "Artículos relacionados",
            "share": "Compartir", "editPage": "Editar esta página", "skip": "Saltar al contenido",
            "toggleTheme": "Cambiar tema claro u oscuro", "copy": "Copiar", "copied": "Copiado", "posts": "artículos",
            "seriesPart": "Parte de la serie", "by": "Por", "subscribe": "Suscribirse (RSS)", "menu": "Menú principal",
            "pages": "Paginación", "breadcrumbs": "Migas de pan",
        ],
        "zh": [
            "toTop": "返回顶部", "poweredBy": "由 The Tensor Collective 构建", "feed": "RSS 订阅", "author": "作者",
            "postsBy": "作者文章：", "page": "第", "postNav": "更多文章", "shareOn": "分享到",
            "singular.tag": "标签", "singular.category": "分类", "singular.series": "系列", "singular.author": "作者",
            "section": "栏目", "all": "全部", "moreResults": "更多结果", "searchResults": "{n} 条结果",
            "toc": "目录", "readMore": "阅读全文", "minRead": "分钟阅读", "words": "字", "home": "首页", "next": "下一篇",
            "prev": "上一篇", "nextPage": "下一页", "prevPage": "上一页", "tags": "标签", "categories": "分类",
            "series": "系列", "authors": "作者", "archives": "归档", "search": "搜索", "searchPlaceholder": "搜索本站…",
            "notFound": "页面未找到", "notFoundText": "您访问的页面不存在。", "backHome": "返回首页", "updated": "更新于",
            "draft": "草稿", "related": "相关文章", "share": "分享", "editPage": "编辑此页", "skip": "跳到正文",
            "toggleTheme": "切换浅色或深色主题", "copy": "复制", "copied": "已复制", "posts": "篇文章",
            "seriesPart": "本文属于系列", "by": "作者", "subscribe": "订阅 (RSS)", "menu": "主菜单", "pages": "分页",
            "breadcrumbs": "面包屑导航",
        ],
        "ja": [
            "toTop": "ページの先頭へ", "poweredBy": "The Tensor Collective で作成", "feed": "RSS フィード", "author": "著者",
            "postsBy": "著者の記事：", "page": "ページ", "postNav": "ほかの記事", "shareOn": "共有：",
            "singular.tag": "タグ", "singular.category": "カテゴリー", "singular.series": "シリーズ", "singular.author": "著者",
            "section": "セクション", "all": "すべて", "moreResults": "さらに表示", "searchResults": "{n} 件",
            "toc": "目次", "readMore": "続きを読む", "minRead": "分で読めます", "words": "語", "home": "ホーム", "next": "次へ",
            "prev": "前へ", "nextPage": "次のページ", "prevPage": "前のページ", "tags": "タグ", "categories": "カテゴリー",
            "series": "シリーズ", "authors": "著者", "archives": "アーカイブ", "search": "検索",
            "searchPlaceholder": "サイト内を検索…", "notFound": "ページが見つかりません",
            "notFoundText": "お探しのページは存在しません。", "backHome": "ホームに戻る", "updated": "更新",
            "draft": "下書き", "related": "関連記事", "share": "共有", "editPage": "このページを編集",
            "skip": "本文へ移動", "toggleTheme": "ライトとダークを切り替え", "copy": "コピー", "copied": "コピーしました",
            "posts": "件の記事", "seriesPart": "シリーズの一部", "by": "著者", "subscribe": "購読 (RSS)",
            "menu": "メインメニュー", "pages": "ページ送り", "breadcrumbs": "パンくずリスト",
        ],
    ]
}

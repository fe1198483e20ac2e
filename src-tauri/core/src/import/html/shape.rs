//! The shape of the tree a page really parses to, measured by the HTML parser itself
//! before any document is built from it.
//!
//! Guessing depth from the markup fails on the elements whose end tags may be left out:
//! the parser nests `<dd><li>` and `<rb>` (outside `<ruby>`) without end, and both the
//! readability pass and dropping the tree recurse once per level, so fifteen thousand of
//! them overflow a thread's stack; `<rb>` also makes each start tag scan the whole stack
//! of open elements. So the same tree builder that dom_query uses is run here with a sink
//! that keeps only parents and names, fed a little at a time, and stopped as soon as the
//! tree it has built goes deeper than the budget or holds more elements: the work done
//! is bounded by the budgets, whatever the markup.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};

use html5ever::interface::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{Attribute, LocalName, Namespace, QualName};

use crate::{Error, Reason, Result};

/// Most elements accepted in one page. News pages have a few thousand; this is ten
/// megabytes of markup made of nothing else.
pub const MAX_ELEMENTS: usize = 250_000;

/// Markup handed to the parser between two looks at the tree: small enough that a
/// chunk cannot add much past the budget, large enough to cost nothing on real pages.
const CHUNK_BYTES: usize = 2 * 1024;

/// Refuses a page whose parsed tree nests deeper than `max_depth` elements or holds
/// more than [`MAX_ELEMENTS`].
pub fn check(html: &str, max_depth: usize) -> Result<()> {
    let mut parser = html5ever::parse_document(Shape::default(), Default::default());
    let mut from = 0;
    while from < html.len() {
        let mut to = (from + CHUNK_BYTES).min(html.len());
        while !html.is_char_boundary(to) {
            to += 1;
        }
        parser.process(StrTendril::from_slice(&html[from..to]));
        over_budget(&parser.tokenizer.sink.sink, max_depth)?;
        from = to;
    }
    let shape = parser.finish();
    // Depth as the nodes were attached; moves made by misnested formatting tags
    // (`<b><p></b>`) can deepen a subtree afterwards, so the final tree is walked too.
    if shape.deepest() > max_depth {
        return Err(too_deep(max_depth));
    }
    over_budget(&shape, max_depth)
}

fn over_budget(shape: &Shape, max_depth: usize) -> Result<()> {
    if shape.nodes.borrow().len() > MAX_ELEMENTS {
        return Err(Reason::HtmlTooManyElements { max: MAX_ELEMENTS }.into());
    }
    if shape.max_depth.get() > max_depth {
        return Err(too_deep(max_depth));
    }
    Ok(())
}

fn too_deep(max_depth: usize) -> Error {
    Reason::HtmlTooDeep { max: max_depth }.into()
}

const NONE: u32 = u32::MAX;

/// One node of the measured tree: its place among its relatives and, for elements,
/// its name (the tree builder asks for names of open elements).
struct Node {
    name: Option<QualName>,
    parent: u32,
    first_child: u32,
    last_child: u32,
    prev: u32,
    next: u32,
    depth: u32,
    mathml_integration_point: bool,
    template_contents: u32,
    /// For a template's contents: the template, whose depth theirs follows.
    host: u32,
}

impl Node {
    fn new(name: Option<QualName>) -> Self {
        Self {
            name,
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev: NONE,
            next: NONE,
            depth: 0,
            mathml_integration_point: false,
            template_contents: NONE,
            host: NONE,
        }
    }
}

/// A tree sink that keeps the tree's structure only: no text, no attributes.
struct Shape {
    nodes: RefCell<Vec<Node>>,
    max_depth: Cell<usize>,
}

impl Default for Shape {
    fn default() -> Self {
        Self { nodes: RefCell::new(vec![Node::new(None)]), max_depth: Cell::new(0) }
    }
}

impl Shape {
    fn add(&self, node: Node) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(node);
        nodes.len() - 1
    }

    fn detach(nodes: &mut [Node], child: usize) {
        let (parent, prev, next) = (nodes[child].parent, nodes[child].prev, nodes[child].next);
        if parent == NONE {
            return;
        }
        match prev {
            NONE => nodes[parent as usize].first_child = next,
            p => nodes[p as usize].next = next,
        }
        match next {
            NONE => nodes[parent as usize].last_child = prev,
            n => nodes[n as usize].prev = prev,
        }
        let node = &mut nodes[child];
        (node.parent, node.prev, node.next) = (NONE, NONE, NONE);
    }

    /// Links `child` under `parent`, before `before` or last.
    fn link(&self, parent: usize, child: usize, before: u32) {
        let mut nodes = self.nodes.borrow_mut();
        Self::detach(&mut nodes, child);
        let prev = match before {
            NONE => nodes[parent].last_child,
            b => nodes[b as usize].prev,
        };
        match prev {
            NONE => nodes[parent].first_child = child as u32,
            p => nodes[p as usize].next = child as u32,
        }
        match before {
            NONE => nodes[parent].last_child = child as u32,
            b => nodes[b as usize].prev = child as u32,
        }
        // A template's contents hang below the template, wherever it was put since.
        let depth = match nodes[parent].host {
            NONE => nodes[parent].depth + 1,
            host => nodes[host as usize].depth + 2,
        };
        let node = &mut nodes[child];
        (node.parent, node.prev, node.next, node.depth) = (parent as u32, prev, before, depth);
        self.max_depth.set(self.max_depth.get().max(depth as usize));
    }

    /// The depth of the finished tree, walked without recursion.
    fn deepest(&self) -> usize {
        let nodes = self.nodes.borrow();
        let mut deepest = 0;
        let mut stack = vec![(0usize, 0usize)];
        while let Some((node, depth)) = stack.pop() {
            deepest = deepest.max(depth);
            let mut child = nodes[node].first_child;
            while child != NONE {
                stack.push((child as usize, depth + 1));
                child = nodes[child as usize].next;
            }
            if nodes[node].template_contents != NONE {
                stack.push((nodes[node].template_contents as usize, depth + 1));
            }
        }
        deepest
    }
}

/// An element's name as the tree builder asks for it.
#[derive(Debug)]
struct Name(QualName);

impl ElemName for Name {
    fn ns(&self) -> &Namespace {
        &self.0.ns
    }
    fn local_name(&self) -> &LocalName {
        &self.0.local
    }
}

impl TreeSink for Shape {
    type Handle = usize;
    type Output = Self;
    type ElemName<'a> = Name;

    fn finish(self) -> Self {
        self
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> usize {
        0
    }

    fn elem_name(&self, target: &usize) -> Name {
        let nodes = self.nodes.borrow();
        let name = nodes[*target].name.clone();
        // The tree builder asks only for elements' names; an empty one answers nothing.
        Name(name.unwrap_or_else(|| QualName::new(None, Namespace::from(""), LocalName::from(""))))
    }

    fn create_element(&self, name: QualName, _attrs: Vec<Attribute>, flags: ElementFlags) -> usize {
        let mut node = Node::new(Some(name));
        node.mathml_integration_point = flags.mathml_annotation_xml_integration_point;
        let id = self.add(node);
        if flags.template {
            let contents = self.add(Node::new(None));
            let mut nodes = self.nodes.borrow_mut();
            nodes[id].template_contents = contents as u32;
            nodes[contents].host = id as u32;
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> usize {
        self.add(Node::new(None))
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        self.add(Node::new(None))
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        if let NodeOrText::AppendNode(child) = child {
            self.link(*parent, child, NONE);
        }
    }

    fn append_based_on_parent_node(&self, element: &usize, prev_element: &usize, child: NodeOrText<usize>) {
        if self.nodes.borrow()[*element].parent != NONE {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {}

    fn get_template_contents(&self, target: &usize) -> usize {
        self.nodes.borrow()[*target].template_contents as usize
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &usize, new_node: NodeOrText<usize>) {
        let NodeOrText::AppendNode(child) = new_node else { return };
        let parent = self.nodes.borrow()[*sibling].parent;
        if parent != NONE {
            self.link(parent as usize, child, *sibling as u32);
        }
    }

    fn add_attrs_if_missing(&self, _target: &usize, _attrs: Vec<Attribute>) {}

    fn remove_from_parent(&self, target: &usize) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        loop {
            let child = self.nodes.borrow()[*node].first_child;
            if child == NONE {
                return;
            }
            self.link(*new_parent, child as usize, NONE);
        }
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &usize) -> bool {
        self.nodes.borrow()[*handle].mathml_integration_point
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEAD: &str = "<p>Acme raised $5 million in 2024.</p>";

    fn depth_error(html: &str) -> bool {
        matches!(check(html, 512), Err(e) if e.message.contains("more than 512 deep"))
    }

    #[test]
    fn elements_the_parser_nests_without_end_tags_count() {
        // The parser nests these: a guard that took them for self-closing let them through.
        assert!(depth_error(&format!("{LEAD}{}", "<dd><li>x".repeat(15_000))));
        assert!(depth_error(&format!("{LEAD}{}", "<rb>x".repeat(40_000))));
        assert!(depth_error(&format!("{LEAD}{}", "<rt>x".repeat(40_000))));
        assert!(depth_error(&"<div>".repeat(513)));
        assert!(depth_error(&format!("{LEAD}{}", "<template>".repeat(10_000))));
    }

    #[test]
    fn elements_the_parser_closes_do_not() {
        let flat = format!("<ul>{}</ul><dl>{}</dl>", "<li>项".repeat(5_000), "<dt>a<dd>b".repeat(5_000));
        assert!(check(&flat, 512).is_ok());
        let ruby = format!("<ruby>{}</ruby>", "<rb>字<rt>zi".repeat(5_000));
        assert!(check(&ruby, 512).is_ok());
        let table = format!("<table>{}</table>", "<tr><td>1<td>2".repeat(5_000));
        assert!(check(&table, 512).is_ok());
        let in_script = format!("<script>{}</SCRIPT><div>x</div>", "<div>".repeat(10_000));
        assert!(check(&in_script, 512).is_ok());
        let in_comment = format!("<!-- {} --><div>x</div>", "<div>".repeat(10_000));
        assert!(check(&in_comment, 512).is_ok());
        let balanced = "<div>".repeat(500) + &"</div>".repeat(500);
        assert!(check(&balanced.repeat(3), 512).is_ok());
    }

    /// The depth of the tree the parser builds, by this sink, with no budget.
    fn measured(html: &str) -> usize {
        html5ever::parse_document(Shape::default(), Default::default()).one(html).deepest()
    }

    /// The depth of the tree dom_query builds (the one the importer reads).
    fn built(html: &str) -> usize {
        let doc = dom_query::Document::from(html);
        doc.select("*").nodes().iter().map(|n| n.ancestors(None).len()).max().unwrap_or(0)
    }

    #[test]
    fn the_measured_depth_is_the_built_trees() {
        let offset = measured("<p>x") as isize - built("<p>x") as isize;
        for page in [
            "<div><div><span>x</span></div></div>".to_owned(),
            "<dd><li>x".repeat(30),
            "<rb>x".repeat(30),
            // Each </b> after a block inside <b> moves the block's children under a new <b>.
            "<b><p>x</b>".repeat(40),
            "<table><b><i>x".repeat(20),
            "<a><div><a>x".repeat(20),
            format!("<ul>{}</ul>", "<li><p>x".repeat(30)),
        ] {
            assert_eq!(measured(&page) as isize - offset, built(&page) as isize, "{page:.60}");
        }
    }

    #[test]
    fn element_count_is_capped() {
        let many = "<span>a</span>".repeat(MAX_ELEMENTS + 1);
        assert!(check(&many, 512).unwrap_err().message.contains("elements"));
    }
}

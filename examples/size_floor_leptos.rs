//! Size floor for `make bench`: the smallest Leptos 0.8 CSR app worth the name (a counter and a
//! list), built with this project's release profile and wasm-opt. What any first load made with
//! this framework costs before it does anything of this product's. Not part of the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;

    #[component]
    fn Counter() -> impl IntoView {
        let (count, set_count) = signal(0u32);
        view! {
            <main>
                <h1>"Counter"</h1>
                <button on:click=move |_| set_count.update(|n| *n += 1)>"Add"</button>
                <p>"Count: " {count}</p>
                <ul>{move || (0..count.get()).map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
            </main>
        }
    }
    mount_to_body(Counter)
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("size_floor_leptos is built for wasm32 by `make bench` only");
}
